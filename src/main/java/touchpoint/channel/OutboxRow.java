package touchpoint.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("channel_outbox")
record OutboxRow(
        @Id @GeneratedValue @Nullable Long id,
        String channelId,
        String conversationId,
        String externalKey,
        long seq,
        String messageId,
        String topic,
        String conversationStatus,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        @Nullable Instant deliveredAt,
        @Nullable String lastError,
        @Nullable Long replayOf) {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";

    /** The id the other side sees, the same for the original and every replay of it. */
    long deliveryId() {
        return replayOf != null ? replayOf : id;
    }
}
