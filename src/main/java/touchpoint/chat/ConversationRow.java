package touchpoint.chat;

import io.micronaut.core.annotation.Nullable;
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
        // A projection of the transcript's CONTACT_IDENTIFIED events, like status: written with them.
        @Nullable String contactId,
        // The sequence number of the last TRANSCRIPT_REDACTED: the retention job skips what it already redacted.
        @Nullable Long redactedSeq,
        String channelId,
        String channelType) {

    ConversationRow advancedTo(ConversationState state, Instant at) {
        return new ConversationRow(id, tokenHash, touchpoint, locale, state.status().name(), state.lastSeq(), createdAt, at,
                state.contactId().orElse(null), state.lastRedactionSeq().orElse(null), channelId, channelType);
    }

    ConversationRow onChannel(String newChannelId, String newChannelType) {
        return new ConversationRow(id, tokenHash, touchpoint, locale, status, lastSeq, createdAt, updatedAt, contactId, redactedSeq,
                newChannelId, newChannelType);
    }
}
