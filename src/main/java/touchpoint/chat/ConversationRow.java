package touchpoint.chat;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("conversation")
record ConversationRow(
        @Id String id,
        String tokenHash,
        String touchpoint,
        String locale,
        String status,
        long lastSeq,
        Instant createdAt,
        Instant updatedAt,
        String channelId,
        String channelType) {

    ConversationRow advancedTo(ConversationStatus newStatus, long seq, Instant at) {
        return new ConversationRow(id, tokenHash, touchpoint, locale, newStatus.name(), seq, createdAt, at, channelId, channelType);
    }
}
