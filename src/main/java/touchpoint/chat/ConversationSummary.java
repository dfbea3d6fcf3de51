package touchpoint.chat;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A conversation's identity and derived status, without its transcript. */
@Serdeable
public record ConversationSummary(
        String id,
        String touchpoint,
        String locale,
        ConversationStatus status,
        long lastSeq,
        Instant createdAt,
        Instant updatedAt) {

    static ConversationSummary of(ConversationRow row) {
        return new ConversationSummary(row.id(), row.touchpoint(), row.locale(), ConversationStatus.valueOf(row.status()),
                row.lastSeq(), row.createdAt(), row.updatedAt());
    }
}
