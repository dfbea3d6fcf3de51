package touchpoint.channel;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import touchpoint.chat.TranscriptRedactions;

/**
 * An erased or expired conversation's contact details (the email address and name a channel gave) go with its
 * transcript; the thread mapping itself stays, so a later message on the same thread still finds its conversation.
 * The outbox keeps no text, only references into the (redacted) log.
 */
@Singleton
class ChannelRedaction {

    private final ChannelThreadRepository threads;
    private final ChannelThreads mapping;
    private final Clock clock;

    ChannelRedaction(ChannelThreadRepository threads, ChannelThreads mapping, Clock clock) {
        this.threads = threads;
        this.mapping = mapping;
        this.clock = clock;
    }

    @EventListener
    void onRedacted(TranscriptRedactions.TranscriptRedacted redacted) {
        mapping.forgetContact(redacted.conversationId());
        threads.findByConversationId(redacted.conversationId()).ifPresent(row -> threads.updateContact(row.key().channelId(),
                row.key().externalKey(), mapping.write(Contact.UNKNOWN), clock.instant()));
    }
}
