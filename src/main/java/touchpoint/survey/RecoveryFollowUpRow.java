package touchpoint.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A follow-up sent from a recovery task; see V101__recovery_follow_up.sql and V110 (how it was delivered). */
@MappedEntity("recovery_follow_up")
record RecoveryFollowUpRow(
        @Id @GeneratedValue @Nullable Long id,
        long taskId,
        String conversationId,
        String agentId,
        @Nullable String agentName,
        String text,
        long seq,
        Instant sentAt,
        @Nullable String deliveredVia,
        @Nullable String maskedAddress) {
}
