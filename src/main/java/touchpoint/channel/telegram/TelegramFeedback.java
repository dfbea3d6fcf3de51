package touchpoint.channel.telegram;

import jakarta.inject.Singleton;
import touchpoint.channel.ChannelThread;
import touchpoint.chat.TranscriptEvent;
import touchpoint.infra.Conflict;
import touchpoint.survey.ChannelThumbs;

/** A thumbs button under an answer: the same rating, and after a thumbs-down the same next answer, as the widget's. */
@Singleton
class TelegramFeedback {

    static final String THANKS = "Thanks for your feedback!";
    static final String ALREADY = "You rated this answer already.";

    private final ChannelThumbs thumbs;

    TelegramFeedback(ChannelThumbs thumbs) {
        this.thumbs = thumbs;
    }

    /** Records the rating; returns the short note shown on the pressed button. */
    String rate(ChannelThread thread, TranscriptEvent answer, boolean helpful) {
        try {
            thumbs.rate(thread.conversationId(), answer.id(), helpful);
            return THANKS;
        } catch (Conflict e) {
            return ALREADY;
        }
    }
}
