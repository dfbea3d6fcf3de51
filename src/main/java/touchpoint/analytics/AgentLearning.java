package touchpoint.analytics;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.BotReplies;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptAppended;
import touchpoint.chat.TranscriptEvent;

/**
 * Learns from agents: when an agent resolves a handed-off conversation after answering with an FAQ (an
 * AGENT_REPLIED whose data has {@code faqId}), the customer's question from before the hand-off evidently means
 * that FAQ, so it is proposed as a new phrasing of it. An admin approves or rejects each proposal.
 */
@Singleton
class AgentLearning {

    private static final Logger LOG = LoggerFactory.getLogger(AgentLearning.class);
    /** Button presses and survey words are not questions. */
    private static final Set<String> NOT_QUESTIONS = Set.of(BotReplies.TALK_TO_PERSON.toLowerCase(), BotReplies.NONE_OF_THESE.toLowerCase(), "skip");

    private final Transcript transcript;
    private final PhrasingProposals proposals;

    AgentLearning(Transcript transcript, PhrasingProposals proposals) {
        this.transcript = transcript;
        this.proposals = proposals;
    }

    @EventListener
    void on(TranscriptAppended appended) {
        TranscriptEvent event = appended.event();
        if (!event.is(EventType.CONVERSATION_RESOLVED)) {
            return;
        }
        try {
            learn(transcript.events(event.conversationId()), event.seq());
        } catch (RuntimeException e) {
            LOG.warn("learning from agent failed conversation={}", event.conversationId(), e);
        }
    }

    void learn(List<TranscriptEvent> events, long resolvedSeq) {
        int handoff = -1;
        for (int i = 0; i < events.size() && events.get(i).seq() < resolvedSeq; i++) {
            if (events.get(i).is(EventType.HANDOFF_REQUESTED)) {
                handoff = i;
            }
        }
        if (handoff < 0) {
            return;
        }
        String faqId = null;
        for (int i = handoff + 1; i < events.size() && events.get(i).seq() < resolvedSeq; i++) {
            TranscriptEvent e = events.get(i);
            String tagged = e.data(EventData.AgentReplied.class).map(EventData.AgentReplied::faqId).orElse(null);
            if (tagged != null) {
                faqId = tagged;
            }
        }
        if (faqId == null) {
            return;
        }
        String question = questionBefore(events, handoff);
        if (question != null) {
            proposals.propose(faqId, question, "agent", events.get(0).conversationId());
        }
    }

    /**
     * The last real question before the hand-off: customer text that is not a button press or a bare number.
     * If the bot tried to answer one of the candidates, that one wins — it is the question the bot failed on.
     */
    private static String questionBefore(List<TranscriptEvent> events, int handoff) {
        String latest = null;
        for (int i = handoff - 1; i >= 0; i--) {
            TranscriptEvent e = events.get(i);
            if (!e.is(EventType.CUSTOMER_ASKED) || e.text() == null) {
                continue;
            }
            String t = e.text().strip();
            if (NOT_QUESTIONS.contains(t.toLowerCase()) || !t.matches("(?s).*\\p{L}.*")) {
                continue;
            }
            if (latest == null) {
                latest = t;
            }
            for (int j = i + 1; j < handoff; j++) {
                if (t.equals(events.get(j).data(EventData.BotReply.class).map(EventData.BotReply::question).orElse(null))) {
                    return t;
                }
            }
        }
        return latest;
    }
}
