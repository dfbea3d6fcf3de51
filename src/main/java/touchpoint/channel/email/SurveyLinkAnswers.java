package touchpoint.channel.email;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.channel.ChannelInbox;
import touchpoint.channel.ChannelThread;
import touchpoint.chat.Transcript;
import touchpoint.infra.Conflict;
import touchpoint.survey.ChannelSurveys;

/**
 * Records the score of a clicked survey link as a survey answer given by link, through the survey feature's own checks
 * (the question was asked, is still open, the score is on its scale) and follow-up. A second click (or a mail scanner
 * opening the link again) finds the question closed and stores nothing.
 */
@Singleton
class SurveyLinkAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyLinkAnswers.class);

    enum Outcome { RECORDED, ALREADY_ANSWERED, INVALID }

    private final SurveyLinks links;
    private final ChannelInbox inbox;
    private final Transcript transcript;

    SurveyLinkAnswers(SurveyLinks links, ChannelInbox inbox, Transcript transcript) {
        this.links = links;
        this.inbox = inbox;
        this.transcript = transcript;
    }

    Outcome answer(String token) {
        Optional<SurveyLinks.Answer> answer = links.verify(token);
        if (answer.isEmpty()) {
            return Outcome.INVALID;
        }
        SurveyLinks.Answer a = answer.get();
        Optional<ChannelThread> thread = inbox.thread(a.conversationId());
        if (thread.isEmpty()) {
            return Outcome.INVALID;
        }
        if (!pending(a.conversationId(), a.questionId())) {
            return Outcome.ALREADY_ANSWERED;
        }
        try {
            inbox.answerSurvey(thread.get().channelId(), thread.get().externalKey(), a.questionId(), a.score(), ChannelSurveys.VIA_LINK);
        } catch (Conflict e) {
            return Outcome.ALREADY_ANSWERED;
        }
        LOG.info("survey link answered conversation={} question={}", a.conversationId(), a.questionId());
        return Outcome.RECORDED;
    }

    /** The question is the one open now: a link in an older mail must not answer a question the conversation left behind. */
    private boolean pending(String conversationId, String questionId) {
        return transcript.state(conversationId).pendingSurveyQuestion().map(questionId::equals).orElse(false);
    }
}
