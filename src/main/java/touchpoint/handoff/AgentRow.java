package touchpoint.handoff;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

@MappedEntity("agent")
record AgentRow(
        @Id String id,
        String username,
        String displayName,
        String passwordHash,
        String roles,
        boolean disabled,
        Instant createdAt) {

    Set<String> roleSet() {
        return Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    AgentRow disable() {
        return new AgentRow(id, username, displayName, passwordHash, roles, true, createdAt);
    }
}
