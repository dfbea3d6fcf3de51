package touchpoint.chat;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A conversation's identity and derived status, without its transcript.
 *
 * @param channelId the channel the conversation arrived through ({@code web}: the website widget)
 * @param channelType that channel's type, kept beside it so lists group by it without looking the channel up
 */
@Serdeable
public record ConversationSummary(
        String id,
        String touchpoint,
        String locale,
        ConversationStatus status,
        long lastSeq,
        Instant createdAt,
        Instant updatedAt,
        String channelId,
        String channelType) {

    /** The web channel's id and type: the widget's conversations, and every conversation older than channels. */
    public static final String WEB = "web";

    /** A widget conversation. */
    public ConversationSummary(String id, String touchpoint, String locale, ConversationStatus status, long lastSeq,
                               Instant createdAt, Instant updatedAt) {
        this(id, touchpoint, locale, status, lastSeq, createdAt, updatedAt, WEB, WEB);
    }

    static ConversationSummary of(ConversationRow row) {
        return new ConversationSummary(row.id(), row.touchpoint(), row.locale(), ConversationStatus.valueOf(row.status()),
                row.lastSeq(), row.createdAt(), row.updatedAt(), row.channelId(), row.channelType());
    }
}
