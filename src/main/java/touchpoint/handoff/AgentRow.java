package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
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
        Instant createdAt,
        @Nullable Integer capacity) {

    Set<String> roleSet() {
        return Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    AgentRow withDisabled(boolean nowDisabled) {
        return new AgentRow(id, username, displayName, passwordHash, roles, nowDisabled, createdAt, capacity);
    }

    AgentRow withRoles(Set<String> newRoles) {
        return new AgentRow(id, username, displayName, passwordHash, String.join(",", newRoles), disabled, createdAt, capacity);
    }

    AgentRow withCapacity(@Nullable Integer newCapacity) {
        return new AgentRow(id, username, displayName, passwordHash, roles, disabled, createdAt, newCapacity);
    }

    /** How many conversations automatic assignment gives this agent at once: their own, else the global one. */
    int capacityOr(int global) {
        return capacity == null ? global : capacity;
    }
}
