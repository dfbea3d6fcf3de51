package touchpoint.handoff;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import touchpoint.chat.TranscriptRedactions.TranscriptRedacted;

/**
 * A redacted transcript's hand-off case is recomputed from the redacted log (the offline message's address goes),
 * and summaries a language model wrote from it are forgotten on this instance.
 */
@Singleton
class HandoffRedaction {

    private final CaseProjection cases;
    private final LlmHandoffSummarizer summarizer;

    HandoffRedaction(CaseProjection cases, LlmHandoffSummarizer summarizer) {
        this.cases = cases;
        this.summarizer = summarizer;
    }

    @EventListener
    void on(TranscriptRedacted redacted) {
        summarizer.forget(redacted.conversationId());
        cases.rebuild(redacted.conversationId());
    }
}
