package touchpoint.channel.telegram;

import jakarta.inject.Singleton;
import touchpoint.channel.ChannelInbox;
import touchpoint.channel.ChannelThread;
import touchpoint.chat.TranscriptEvent;
import touchpoint.infra.Conflict;
import touchpoint.survey.ChannelSurveys;

/**
 * A thumbs button under an answer, or a survey scale button: the same rating (and after a thumbs-down the same next
 * answer), the same survey answer and next question, as the widget's.
 */
@Singleton
class TelegramFeedback {

    static final String THANKS = "Thanks for your feedback!";
    static final String ALREADY = "You rated this answer already.";

    private final ChannelInbox inbox;

    TelegramFeedback(ChannelInbox inbox) {
        this.inbox = inbox;
    }

    /** Records the rating; returns the short note shown on the pressed button. */
    String rate(ChannelThread thread, TranscriptEvent answer, boolean helpful) {
        try {
            inbox.rate(thread.channelId(), thread.externalKey(), answer.id(), helpful);
            return THANKS;
        } catch (Conflict e) {
            return ALREADY;
        }
    }

    /**
     * Records a pressed survey scale point as an answer given by button; returns false when the question had closed in
     * the meantime (answered, skipped or expired), a race the caller's earlier check cannot rule out.
     */
    boolean answerSurvey(ChannelThread thread, String questionId, int score) {
        try {
            inbox.answerSurvey(thread.channelId(), thread.externalKey(), questionId, score, ChannelSurveys.VIA_BUTTON);
            return true;
        } catch (Conflict e) {
            return false;
        }
    }
}
