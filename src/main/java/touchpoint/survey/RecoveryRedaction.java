package touchpoint.survey;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import touchpoint.chat.TranscriptRedactions.TranscriptRedacted;

/** A redacted transcript's recovery task keeps its reasons and scores but loses the customer's quoted comment. */
@Singleton
class RecoveryRedaction {

    private final RecoveryQueue queue;

    RecoveryRedaction(RecoveryQueue queue) {
        this.queue = queue;
    }

    @EventListener
    void on(TranscriptRedacted redacted) {
        queue.redact(redacted.conversationId());
    }
}
