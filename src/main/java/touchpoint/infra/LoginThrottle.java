package touchpoint.infra;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.LongSupplier;

/**
 * Counts failed sign-ins by user name and by client address and locks either for growing periods once it has
 * failed too often: 5 wrong guesses pass at once, the next ones wait 2 s, 4 s, 8 s… up to the maximum, so
 * guessing a password becomes hopeless while a person who mistyped waits seconds.
 *
 * <p>Held in this process (a bounded cache): with several instances each counts the failures it saw.
 */
@Singleton
class LoginThrottle {

    private final LoginThrottleConfig config;
    private final LongSupplier nanoTime;
    private final Cache<String, Failures> failures;

    /** {@code count} failures so far, the last at {@code lastAt}; locked until {@code lockedUntil} (nanos). */
    record Failures(int count, long lastAt, long lockedUntil) {
    }

    /** The outcome of one failed sign-in: how many in a row, and how long the user or address is now locked. */
    record Failure(int userFailures, long lockedNanos) {
    }

    @Inject
    LoginThrottle(LoginThrottleConfig config) {
        this(config, System::nanoTime);
    }

    LoginThrottle(LoginThrottleConfig config, LongSupplier nanoTime) {
        this.config = config;
        this.nanoTime = nanoTime;
        this.failures = Caffeine.newBuilder().maximumSize(config.maxKeys()).expireAfterAccess(config.forgetAfter())
                .executor(Runnable::run).build();
    }

    /** Nanoseconds until {@code user} from {@code address} may try again; 0 when a try is allowed now. */
    long lockedFor(String address, String user) {
        long now = nanoTime.getAsLong();
        return Math.max(remaining(userKey(user), now), remaining(addressKey(address), now));
    }

    Failure failed(String address, String user) {
        long now = nanoTime.getAsLong();
        Failures byUser = count(userKey(user), config.freeFailuresPerUser(), now);
        Failures byAddress = count(addressKey(address), config.freeFailuresPerAddress(), now);
        return new Failure(byUser.count(), Math.max(0, Math.max(byUser.lockedUntil(), byAddress.lockedUntil()) - now));
    }

    /** The user proved who they are: their mistakes are forgiven. The address keeps its count, it may be shared. */
    void succeeded(String user) {
        failures.invalidate(userKey(user));
    }

    private long remaining(String key, long now) {
        Failures f = failures.getIfPresent(key);
        return f == null ? 0 : Math.max(0, f.lockedUntil() - now);
    }

    private Failures count(String key, int free, long now) {
        return failures.asMap().compute(key, (k, old) -> {
            boolean forgotten = old == null || now - old.lastAt() > config.forgetAfter().toNanos();
            int count = forgotten ? 1 : old.count() + 1;
            long lockedUntil = count < free ? 0 : now + lockout(count - free);
            return new Failures(count, now, lockedUntil);
        });
    }

    /** The first lockout doubled {@code beyond} times, capped; shifts stop early so they cannot overflow. */
    private long lockout(int beyond) {
        long first = config.firstLockout().toNanos();
        long max = config.maxLockout().toNanos();
        long lock = first;
        for (int i = 0; i < beyond && lock < max; i++) {
            lock *= 2;
        }
        return Math.min(lock, max);
    }

    private static String userKey(String user) {
        return "user:" + user;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
