package touchpoint.infra;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** One clock for the whole service, so tests can replace it. */
@Factory
public class TimeSource {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
