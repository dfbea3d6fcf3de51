package touchpoint.analytics;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import touchpoint.chat.TranscriptRedactions.TranscriptRedacted;

/**
 * A redacted transcript leaves nothing in analytics: its rows are projected again from the redacted log (the
 * questions and comments are gone, the counts stay), phrasing proposals taken from it are deleted, and the
 * embedding cache, keyed by question text, is emptied. Runs on every instance; the table work is idempotent.
 */
@Singleton
class AnalyticsRedaction {

    private final AnalyticsProjector projector;
    private final Repositories.Proposals proposals;
    private final Clusters clusters;

    AnalyticsRedaction(AnalyticsProjector projector, Repositories.Proposals proposals, Clusters clusters) {
        this.projector = projector;
        this.proposals = proposals;
        this.clusters = clusters;
    }

    @EventListener
    void on(TranscriptRedacted redacted) {
        projector.rebuild(redacted.conversationId());
        proposals.deleteByConversationId(redacted.conversationId());
        clusters.forgetAll();
    }
}
