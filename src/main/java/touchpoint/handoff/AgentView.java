package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A user as the admin API shows it: never the password hash.
 *
 * @param capacity conversations automatic assignment gives them at once; absent: the global default
 */
@Serdeable
public record AgentView(String id, String username, String displayName, List<String> roles, List<String> teams,
                        boolean disabled, Instant createdAt, @Nullable Integer capacity) {
}
