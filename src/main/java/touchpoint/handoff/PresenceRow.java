package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("agent_presence")
record PresenceRow(@Id String agentId, String status, Instant lastHeartbeatAt, @Nullable Instant lastAssignedAt) {

    PresenceRow assignedAt(Instant at) {
        return new PresenceRow(agentId, status, lastHeartbeatAt, at);
    }

    PresenceRow seen(String newStatus, Instant at) {
        return new PresenceRow(agentId, newStatus, at, lastAssignedAt);
    }
}
