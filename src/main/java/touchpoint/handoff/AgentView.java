package touchpoint.handoff;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A user as the admin API shows it: never the password hash. */
@Serdeable
public record AgentView(String id, String username, String displayName, List<String> roles, List<String> teams,
                        boolean disabled, Instant createdAt) {
}
