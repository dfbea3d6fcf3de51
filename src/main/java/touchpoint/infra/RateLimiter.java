package touchpoint.infra;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Token buckets by key ({@code ip:...}, {@code conversation:...}), held in a bounded in-memory cache: the
 * memory a flood of distinct keys can take is capped by {@link RateLimitConfig#maxKeys()}. A bucket idle for
 * longer than its refill period is full again anyway, so forgetting it loses nothing.
 */
@Singleton
public class RateLimiter {

    static final long PERIOD_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Cache<String, TokenBucket> buckets;
    private final LongSupplier nanoTime;

    @Inject
    RateLimiter(RateLimitConfig config) {
        this(config.maxKeys(), System::nanoTime);
    }

    RateLimiter(int maxKeys, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(Duration.ofNanos(PERIOD_NANOS))
                .executor(Runnable::run)
                .build();
    }

    /** Takes a token from {@code key}'s bucket of {@code perMinute}; 0 when allowed, else nanoseconds to wait. */
    public long tryTake(String key, int perMinute) {
        long now = nanoTime.getAsLong();
        return buckets.get(key, k -> new TokenBucket(perMinute, PERIOD_NANOS, now)).tryTake(now);
    }

    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
