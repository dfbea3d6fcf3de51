package touchpoint.survey;

import jakarta.inject.Singleton;
import java.util.List;
import touchpoint.chat.TranscriptEvent;

/**
 * Survey answers given through a channel rather than typed: a messaging platform's signed scale button, an email's
 * signed one-click link. The channel's adapter has authenticated the customer its own way, so no customer token is
 * asked for; the checks (the question was asked, is still open, the score is on its scale) and what follows the answer
 * are exactly those of the widget's survey API.
 */
@Singleton
public class ChannelSurveys {

    /** A scale point pressed as a native button. */
    public static final String VIA_BUTTON = "button";
    /** A scale point clicked as a signed link in a mail. */
    public static final String VIA_LINK = "link";

    private final SurveyAnswers answers;

    ChannelSurveys(SurveyAnswers answers) {
        this.answers = answers;
    }

    /**
     * Stores the answer and what the survey says next, first the answer. Throws {@link touchpoint.infra.Conflict} when
     * the question was answered, skipped or expired already, {@link touchpoint.infra.InvalidRequest} when it was not
     * asked in this conversation or the score is off its scale.
     */
    public List<TranscriptEvent> answer(String conversationId, String questionId, int score, String via) {
        return answers.answerAsVerified(conversationId, questionId, (double) score, null, via);
    }
}
