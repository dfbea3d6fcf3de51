package touchpoint.channel.email;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.channel.ChannelInbox;
import touchpoint.channel.ChannelThread;
import touchpoint.chat.Transcript;

/**
 * Records the score of a clicked survey link through the chat core's survey step, exactly as if the customer had
 * replied with the number: the survey code checks the question is still open and on the scale. The link's question
 * names the message id, so a second click (or a mail scanner opening it again) is the same message, stored once.
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
        ChannelInbox.Received received = inbox.receive(new ChannelInbox.Inbound(thread.get().channelId(), thread.get().externalKey(),
                "survey-link." + a.questionId(), String.valueOf(a.score()), null, null));
        LOG.info("survey link answered conversation={} question={} duplicate={}", a.conversationId(), a.questionId(), received.duplicate());
        return received.duplicate() ? Outcome.ALREADY_ANSWERED : Outcome.RECORDED;
    }

    /** The question is the one open now: a link to an older, closed question must not become a stray customer message. */
    private boolean pending(String conversationId, String questionId) {
        return transcript.state(conversationId).pendingSurveyQuestion().map(questionId::equals).orElse(false);
    }
}
