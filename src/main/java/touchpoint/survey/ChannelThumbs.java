package touchpoint.survey;

import jakarta.inject.Singleton;
import java.util.List;
import touchpoint.chat.TranscriptEvent;

/**
 * Thumbs on a bot answer given through a channel rather than the widget: the channel's adapter has authenticated the
 * customer its own way (a messaging platform's signed button), so no customer token is asked for. The rating and what
 * follows a thumbs-down are exactly the widget's.
 */
@Singleton
public class ChannelThumbs {

    private final Thumbs thumbs;

    ChannelThumbs(Thumbs thumbs) {
        this.thumbs = thumbs;
    }

    /**
     * Stores the rating of the answer {@code messageId} and the bot's follow-ups, first the rating. Throws
     * {@link touchpoint.infra.Conflict} when the answer was rated already, {@link touchpoint.infra.NotFound} or
     * {@link touchpoint.infra.InvalidRequest} when there is no such answer.
     */
    public List<TranscriptEvent> rate(String conversationId, String messageId, boolean helpful) {
        return thumbs.rateAsVerified(conversationId, messageId, helpful);
    }
}
