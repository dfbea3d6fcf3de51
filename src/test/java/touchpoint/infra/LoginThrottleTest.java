package touchpoint.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleConfig(5, 20, Duration.ofSeconds(2), Duration.ofMinutes(15), Duration.ofHours(1), 1000), now::get);

    @Test
    void should_let_four_failures_pass_and_lock_from_the_fifth() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("10.0.0.1", "admin").lockedNanos()).isZero();
            assertThat(throttle.lockedFor("10.0.0.1", "admin")).isZero();
        }

        assertThat(throttle.failed("10.0.0.1", "admin").lockedNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(2));
        assertThat(throttle.lockedFor("10.0.0.2", "admin")).as("locked by user name from any address").isPositive();
        assertThat(throttle.lockedFor("10.0.0.1", "alice")).as("not the address: four more names may be tried").isZero();
    }

    @Test
    void should_double_the_lock_with_each_further_failure_up_to_the_maximum() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("10.0.0.1", "admin");
        }
        long[] locks = new long[12];
        for (int i = 0; i < locks.length; i++) {
            now.addAndGet(throttle.lockedFor("10.0.0.1", "admin"));
            locks[i] = TimeUnit.NANOSECONDS.toSeconds(throttle.failed("10.0.0.1", "admin").lockedNanos());
        }

        assertThat(locks).startsWith(4, 8, 16, 32, 64, 128, 256, 512).endsWith(900, 900);
    }

    @Test
    void should_allow_a_try_again_once_the_lock_has_passed() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("10.0.0.1", "admin");
        }

        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertThat(throttle.lockedFor("10.0.0.1", "admin")).isZero();
    }

    @Test
    void should_forgive_a_users_failures_when_they_sign_in() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("10.0.0.1", "admin");
        }
        throttle.succeeded("admin");

        assertThat(throttle.failed("10.0.0.1", "admin").userFailures()).isEqualTo(1);
    }

    @Test
    void should_lock_an_address_that_tries_many_user_names() {
        for (int i = 0; i < 19; i++) {
            assertThat(throttle.failed("10.0.0.9", "user" + i).lockedNanos()).isZero();
        }

        assertThat(throttle.failed("10.0.0.9", "user19").lockedNanos()).isPositive();
        assertThat(throttle.lockedFor("10.0.0.9", "someone-else")).isPositive();
        assertThat(throttle.lockedFor("10.0.0.8", "someone-else")).isZero();
    }

    @Test
    void should_forget_failures_after_the_forget_window() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("10.0.0.1", "admin");
        }
        now.addAndGet(TimeUnit.HOURS.toNanos(2));

        assertThat(throttle.failed("10.0.0.1", "admin").userFailures()).isEqualTo(1);
    }
}
