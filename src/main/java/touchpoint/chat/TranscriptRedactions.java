package touchpoint.chat;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.infra.LiveBus;

/**
 * Tells every instance that a transcript was redacted, as the in-process {@link TranscriptRedacted} event: read
 * models scrub their rows and in-memory caches (embeddings keyed by question text, hand-off summaries) forget
 * what they held. The instance that redacted hears it before {@link Transcript#redact} returns, so a read right
 * after an erasure finds nothing; the others hear it over the {@link LiveBus}.
 */
@Singleton
public class TranscriptRedactions {

    private static final Logger LOG = LoggerFactory.getLogger(TranscriptRedactions.class);
    static final String TOPIC = "transcript-redacted";

    private final LiveBus bus;
    private final ApplicationEventPublisher<TranscriptRedacted> publisher;

    TranscriptRedactions(LiveBus bus, ApplicationEventPublisher<TranscriptRedacted> publisher) {
        this.bus = bus;
        this.publisher = publisher;
    }

    /** A transcript was redacted and committed: what every listener must forget about it. */
    public record TranscriptRedacted(String conversationId) {
    }

    @EventListener
    void onStartup(StartupEvent event) {
        bus.subscribe(message -> {
            if (TOPIC.equals(message.topic())) {
                // The bus carries the bare id: it is a UUID, nothing to parse or escape.
                tell(message.json().replace("\"", ""));
            }
        });
    }

    void announce(String conversationId) {
        tell(conversationId);
        bus.publish(TOPIC, "\"" + conversationId + "\"");
    }

    private void tell(String conversationId) {
        try {
            publisher.publishEvent(new TranscriptRedacted(conversationId));
        } catch (RuntimeException e) {
            LOG.warn("a listener failed to forget a redacted transcript conversation={}", conversationId, e);
        }
    }
}
