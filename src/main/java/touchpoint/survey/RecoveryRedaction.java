package touchpoint.survey;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import touchpoint.chat.TranscriptRedactions.TranscriptRedacted;

/**
 * A redacted transcript's recovery task keeps its reasons and scores but loses the customer's quoted comment, and its
 * follow-ups keep who sent them and when but lose their words.
 */
@Singleton
class RecoveryRedaction {

    private final RecoveryQueue queue;
    private final RecoveryFollowUps followUps;

    RecoveryRedaction(RecoveryQueue queue, RecoveryFollowUps followUps) {
        this.queue = queue;
        this.followUps = followUps;
    }

    @EventListener
    void on(TranscriptRedacted redacted) {
        queue.redact(redacted.conversationId());
        followUps.redact(redacted.conversationId());
    }
}
