package touchpoint.survey;

import jakarta.inject.Singleton;
import java.util.List;
import touchpoint.chat.ChatService;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.infra.Conflict;
import touchpoint.infra.InvalidRequest;

/**
 * Survey answers sent through the API, or pressed or clicked in a channel (a button, a signed link), instead of typed
 * into the chat.
 */
@Singleton
class SurveyAnswers {

    private final ChatService chat;
    private final Transcript transcript;
    private final SurveyFlow flow;

    SurveyAnswers(ChatService chat, Transcript transcript, SurveyFlow flow) {
        this.chat = chat;
        this.transcript = transcript;
        this.flow = flow;
    }

    List<TranscriptEvent> answer(String conversationId, String token, String questionId, Double score, String comment) {
        if (!chat.canRead(conversationId, token)) {
            throw CustomerToken.notFound();
        }
        return answerAsVerified(conversationId, questionId, score, comment, "api");
    }

    /**
     * An answer whose sender was authenticated by other means than the customer token (a channel's signed button or
     * link); {@code via} names how it came.
     */
    List<TranscriptEvent> answerAsVerified(String conversationId, String questionId, Double score, String comment, String via) {
        return transcript.write(conversationId, session -> {
            AskedQuestion question = flow.asked(session, questionId)
                    .orElseThrow(() -> new InvalidRequest("questionId", "was not asked in this conversation"));
            if (session.state().surveysClosed().contains(questionId)) {
                throw new Conflict("Question " + questionId + " was already answered, skipped or expired");
            }
            if (score == null) {
                throw new InvalidRequest("score", "is required: a whole number from " + question.min() + " to " + question.max());
            }
            if (score != Math.rint(score) || !question.accepts((int) Math.rint(score))) {
                throw new InvalidRequest("score", "must be a whole number from " + question.min() + " to " + question.max());
            }
            String text = question.type() == SurveyType.CSAT ? comment : null;
            if (comment != null && !comment.isBlank() && question.type() != SurveyType.CSAT) {
                throw new InvalidRequest("comment", "is accepted only with CSAT answers");
            }
            return flow.answer(session, null, question, (int) Math.rint(score), text, via);
        }).orElseThrow(CustomerToken::notFound).stored();
    }
}
