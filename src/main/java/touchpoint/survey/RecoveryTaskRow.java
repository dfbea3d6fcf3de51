package touchpoint.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("recovery_task")
record RecoveryTaskRow(
        @Id @GeneratedValue @Nullable Long id,
        String conversationId,
        String reason,
        String status,
        @Nullable String assignee,
        @Nullable String agentId,
        Instant createdAt,
        Instant updatedAt) {
}
