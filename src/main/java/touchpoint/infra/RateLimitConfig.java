package touchpoint.infra;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Request rate limits, as token buckets that refill evenly over a minute.
 *
 * @param enabled switch all limits off (never in production; benches that must measure the service itself)
 * @param perIpPerMinute requests one client address may make to the API and the live socket
 * @param perConversationPerMinute messages one conversation may send. With Redis configured every budget is kept
 *     there and shared by all instances; without it each instance keeps its own, so several instances behind a
 *     balancer would allow this many per instance
 * @param maxKeys most buckets kept in memory (without Redis, or while it is unreachable); the least recently used
 *     are forgotten beyond that, so a flood of distinct addresses or ids cannot grow the heap
 * @param clientAddressHeader a header set by the service's own reverse proxy that carries the client address
 *     (e.g. {@code X-Forwarded-For}); unset, the socket's peer address is used, because a header a client
 *     can set itself would let it pick a fresh bucket for every request
 */
@ConfigurationProperties("touchpoint.ratelimit")
public record RateLimitConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "600") int perIpPerMinute,
        @Bindable(defaultValue = "60") int perConversationPerMinute,
        @Bindable(defaultValue = "100000") int maxKeys,
        @Nullable String clientAddressHeader) {
}
