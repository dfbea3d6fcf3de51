package touchpoint.chat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("conversation_event")
record EventRow(
        @Id @GeneratedValue @Nullable Long id,
        String conversationId,
        long seq,
        String messageId,
        String eventType,
        @Nullable String clientMessageId,
        @Nullable Long inReplyTo,
        Instant createdAt,
        String payload) {
}
