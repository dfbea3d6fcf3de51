package touchpoint.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void should_allow_a_burst_up_to_the_capacity_then_refuse() {
        RateLimiter limiter = new RateLimiter(100, now::get);
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.tryTake("k", 60)).isZero();
        }

        assertThat(limiter.tryTake("k", 60)).isPositive();
    }

    @Test
    void should_refill_evenly_over_the_minute() {
        RateLimiter limiter = new RateLimiter(100, now::get);
        for (int i = 0; i < 60; i++) {
            limiter.tryTake("k", 60);
        }
        long wait = limiter.tryTake("k", 60);

        assertThat(TimeUnit.NANOSECONDS.toMillis(wait)).isBetween(999L, 1000L);
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(limiter.tryTake("k", 60)).isZero();
        assertThat(limiter.tryTake("k", 60)).isPositive();
        now.addAndGet(TimeUnit.MINUTES.toNanos(5));
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.tryTake("k", 60)).as("a long pause refills to the capacity, no more").isZero();
        }
        assertThat(limiter.tryTake("k", 60)).isPositive();
    }

    @Test
    void should_keep_keys_apart() {
        RateLimiter limiter = new RateLimiter(100, now::get);
        limiter.tryTake("a", 1);

        assertThat(limiter.tryTake("a", 1)).isPositive();
        assertThat(limiter.tryTake("b", 1)).isZero();
    }

    @Test
    void should_hold_no_more_buckets_than_configured_under_a_flood_of_keys() {
        RateLimiter limiter = new RateLimiter(1000, now::get);
        for (int i = 0; i < 50_000; i++) {
            limiter.tryTake("ip:10.0." + i, 10);
        }

        assertThat(limiter.size()).isLessThanOrEqualTo(1000);
    }

    @Test
    void should_answer_conversation_ids_only_for_conversation_paths() {
        assertThat(RateLimitFilter.conversationId("/api/conversations/abc/messages")).isEqualTo("abc");
        assertThat(RateLimitFilter.conversationId("/api/conversations/abc")).isEqualTo("abc");
        assertThat(RateLimitFilter.conversationId("/api/conversations")).isNull();
        assertThat(RateLimitFilter.conversationId("/api/conversations/")).isNull();
        assertThat(RateLimitFilter.conversationId("/api/agent/x")).isNull();
        assertThat(RateLimitFilter.conversationId("/api/conversations/" + "x".repeat(500) + "/m")).hasSize(40);
    }
}
