package touchpoint.infra;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.concurrent.TimeUnit;

/**
 * Answers 429 with {@code Retry-After} when a client address sends more than its share to the API, the live
 * socket or the sign-in, or one conversation sends messages faster than a person types. Runs before authentication, so a
 * flood of bad tokens is throttled before any token is checked or hashed.
 *
 * <p>With Redis configured the buckets live there, shared by every instance ({@link RedisRateLimiter}); without
 * it, in this process ({@link RateLimiter}).
 *
 * <p>The conversation bucket is keyed by the conversation id together with a digest of the credential the
 * request carries: someone who knows only a conversation's id cannot spend its customer's budget.
 */
@ServerFilter({"/api/**", "/ws/**", "/login"})
class RateLimitFilter implements Ordered {

    private static final String CONVERSATIONS = "/api/conversations/";

    private final RateLimitConfig config;
    private final RateLimiter limiter;
    @Nullable
    private final RedisRateLimiter shared;

    RateLimitFilter(RateLimitConfig config, RateLimiter limiter, @Nullable RedisRateLimiter shared) {
        this.config = config;
        this.limiter = limiter;
        this.shared = shared;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    @Nullable
    HttpResponse<Problem> limit(HttpRequest<?> request) {
        if (!config.enabled()) {
            return null;
        }
        long wait = take("ip:" + ClientAddress.of(request, config.clientAddressHeader()), config.perIpPerMinute());
        if (wait == 0 && request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            String conversation = conversationId(request.getPath());
            if (conversation != null) {
                String credential = request.getHeaders().get("Authorization");
                wait = take("conversation:" + conversation + ":" + Ids.hash(credential == null ? "" : credential),
                        config.perConversationPerMinute());
            }
        }
        return wait == 0 ? null : tooMany(wait);
    }

    /**
     * From the buckets every instance shares when Redis is configured, else from this instance's own. The Redis
     * round trip is awaited here, on the event loop: a filter answering with a future that completes on Lettuce's
     * thread made Micronaut 4.10 answer an empty 503. It is bounded by {@link RedisRateLimiter#TIMEOUT} and skipped
     * while Redis is down.
     */
    private long take(String key, int perMinute) {
        return shared == null ? limiter.tryTake(key, perMinute) : shared.tryTake(key, perMinute).join();
    }

    /** The id segment of {@code /api/conversations/{id}/...}, or null for any other path. */
    static String conversationId(String path) {
        if (!path.startsWith(CONVERSATIONS)) {
            return null;
        }
        int end = path.indexOf('/', CONVERSATIONS.length());
        String id = end < 0 ? path.substring(CONVERSATIONS.length()) : path.substring(CONVERSATIONS.length(), end);
        if (id.isEmpty()) {
            return null;
        }
        // Real ids are 36 characters; anything longer is refused later and need not take more memory here.
        return id.length() > 40 ? id.substring(0, 40) : id;
    }

    private static HttpResponse<Problem> tooMany(long waitNanos) {
        return tooMany(waitNanos, "Too many requests");
    }

    /** 429 with the wait in whole seconds, rounded up, in {@code Retry-After} and in the detail. */
    static HttpResponse<Problem> tooMany(long waitNanos, String what) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
        return HttpResponse.<Problem>status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(seconds))
                .contentType(Problem.MEDIA_TYPE)
                .body(new Problem("about:blank", "Too Many Requests", 429,
                        what + "; try again in " + seconds + " s", null, null));
    }
}
