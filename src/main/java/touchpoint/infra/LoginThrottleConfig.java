package touchpoint.infra;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Throttling of {@code POST /login}, against password guessing. Only failed sign-ins count; past the free ones,
 * each further failure locks the user name (or the client address) for twice as long as the one before, and
 * sign-in attempts while locked answer 429 without a password being checked.
 *
 * @param freeFailuresPerUser failed sign-ins for one user name before it is locked; a successful sign-in resets it
 * @param freeFailuresPerAddress failed sign-ins from one client address, whatever the user names, before it is
 *     locked: one address trying many names is guessing, not forgetting
 * @param firstLockout how long the first lock lasts; each further failure doubles it
 * @param maxLockout the longest lock, so a locked-out person is never locked out for good
 * @param forgetAfter failures older than this no longer count
 * @param maxKeys most user names and addresses remembered; the least recently used are forgotten beyond that
 */
@ConfigurationProperties("touchpoint.login")
public record LoginThrottleConfig(
        @Bindable(defaultValue = "5") int freeFailuresPerUser,
        @Bindable(defaultValue = "20") int freeFailuresPerAddress,
        @Bindable(defaultValue = "2s") Duration firstLockout,
        @Bindable(defaultValue = "15m") Duration maxLockout,
        @Bindable(defaultValue = "1h") Duration forgetAfter,
        @Bindable(defaultValue = "100000") int maxKeys) {
}
