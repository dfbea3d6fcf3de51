package touchpoint.testing;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import touchpoint.infra.TimeSource;

/** A clock tests move by hand, so stored event times (and figures built from them) are exact. */
public final class ManualClock extends Clock {

    private volatile Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Enabled with {@code touchpoint.test.manual-clock=true}; replaces the service's one clock. */
    @Factory
    @Requires(property = "touchpoint.test.manual-clock", value = "true")
    static class ManualClockFactory {
        @Singleton
        @Replaces(bean = Clock.class, factory = TimeSource.class)
        ManualClock manualClock() {
            return new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
        }
    }
}
