package touchpoint.analytics;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.ConversationSummary;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptAppended;
import touchpoint.chat.TranscriptEvent;

/**
 * Keeps the analytics tables in step with the transcript. On every appended event it re-projects that one
 * conversation from its stored log and replaces the conversation's rows: conversations are short (tens of
 * events), and a full re-projection cannot drift the way incremental counters can when listeners see events
 * late, twice or out of order. Queries read only these tables, never the live conversation state.
 */
@Singleton
class AnalyticsProjector {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsProjector.class);
    /** Serialises rebuilds of one conversation within this instance, so two rebuilds never interleave their deletes. */
    private static final Object[] STRIPES = new Object[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Object();
        }
    }

    private final Transcript transcript;
    private final Store store;

    AnalyticsProjector(Transcript transcript, Store store) {
        this.transcript = transcript;
        this.store = store;
    }

    /**
     * One write appends several events (the customer's message and the bot's reply); the rebuild reads the whole
     * stored log, so it runs once, on the write's last event, instead of once per event.
     */
    @EventListener
    void on(TranscriptAppended appended) {
        if (appended.event().seq() < appended.conversation().lastSeq()) {
            return;
        }
        rebuild(appended.event().conversationId());
    }

    /** Re-projects one conversation; also usable to backfill after a schema change. */
    void rebuild(String conversationId) {
        try {
            synchronized (STRIPES[Math.floorMod(conversationId.hashCode(), STRIPES.length)]) {
                ConversationSummary conversation = transcript.conversation(conversationId).orElse(null);
                if (conversation == null) {
                    return;
                }
                // Read the log inside the stripe: the last rebuild to run has seen every committed event.
                List<TranscriptEvent> events = transcript.events(conversationId);
                store.replace(ConversationProjection.of(conversation, events));
            }
        } catch (RuntimeException e) {
            // A listener failure must not fail the request that appended the event; the next event rebuilds anyway.
            LOG.warn("analytics projection failed conversation={}", conversationId, e);
        }
    }

    @Singleton
    static class Store {
        private final Repositories.Facts facts;
        private final Repositories.SurveyAnswers surveys;
        private final Repositories.Answers answers;
        private final Repositories.GapQuestions gaps;

        Store(Repositories.Facts facts, Repositories.SurveyAnswers surveys, Repositories.Answers answers,
              Repositories.GapQuestions gaps) {
            this.facts = facts;
            this.surveys = surveys;
            this.answers = answers;
            this.gaps = gaps;
        }

        @Transactional
        void replace(ConversationProjection p) {
            String id = p.fact().conversationId();
            if (facts.existsById(id)) {
                facts.update(p.fact());
            } else {
                facts.save(p.fact());
            }
            surveys.deleteByConversationId(id);
            surveys.saveAll(p.surveys());
            answers.deleteByConversationId(id);
            answers.saveAll(p.answers());
            gaps.deleteByConversationId(id);
            gaps.saveAll(p.gaps());
        }
    }
}
