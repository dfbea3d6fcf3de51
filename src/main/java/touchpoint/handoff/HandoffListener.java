package touchpoint.handoff;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptAppended;
import touchpoint.chat.TranscriptEvent;
import touchpoint.infra.LiveBus;

/**
 * Reacts to committed transcript events: escalates after repeated fallbacks or thumbs-down (the counters live
 * in the replayed state, re-checked under the lock), and tells agent consoles on every instance that the queue
 * or their conversations changed.
 */
@Singleton
class HandoffListener {

    private static final Logger LOG = LoggerFactory.getLogger(HandoffListener.class);
    static final String QUEUE_TOPIC = "queue";
    static final Set<EventType> QUEUE_EVENTS = Set.of(EventType.HANDOFF_REQUESTED, EventType.AGENT_JOINED,
            EventType.CONVERSATION_TRANSFERRED, EventType.BOT_RESUMED, EventType.CONVERSATION_RESOLVED,
            EventType.OFFLINE_MESSAGE_LEFT);

    private final Transcript transcript;
    private final Escalations handoff;
    private final HandoffConfig config;
    private final LiveBus liveBus;
    private final JsonMapper json;

    HandoffListener(Transcript transcript, Escalations handoff, HandoffConfig config, LiveBus liveBus, JsonMapper json) {
        this.transcript = transcript;
        this.handoff = handoff;
        this.config = config;
        this.liveBus = liveBus;
        this.json = json;
    }

    /** What agent consoles hear on {@code queue} and {@code agent:<id>}: enough to refresh, never customer text. */
    @Serdeable
    record LiveNotice(String type, String conversationId, String event, String agentId) {
    }

    static String agentTopic(String agentId) {
        return "agent:" + agentId;
    }

    @EventListener
    void on(TranscriptAppended appended) {
        TranscriptEvent event = appended.event();
        try {
            switch (event.type()) {
                // Each rule is checked on the state the write left first: most fallbacks and thumbs-downs escalate
                // nothing, and only those that might take the conversation's lock to check again and act.
                case BOT_FELL_BACK -> {
                    if (config.fallbacksBeforeHandoff() > 0 && appended.state().status().botMaySpeak()
                            && appended.state().consecutiveFallbacks() >= config.fallbacksBeforeHandoff()) {
                        List<String> tried = event.data(EventData.BotReply.class).map(EventData.BotReply::candidates).orElse(List.of());
                        escalateIf(event, Escalations.REPEATED_FALLBACK, tried,
                                s -> s.consecutiveFallbacks() >= config.fallbacksBeforeHandoff());
                    }
                }
                case ANSWER_RATED -> {
                    EventData.AnswerRated rating = event.data(EventData.AnswerRated.class).orElse(null);
                    if (config.thumbsDownBeforeHandoff() > 0 && rating != null && !rating.helpful()
                            && appended.state().status().botMaySpeak()
                            && appended.state().thumbsDown() >= config.thumbsDownBeforeHandoff()) {
                        escalateIf(event, Escalations.REPEATED_THUMBS_DOWN, rating.faqId() == null ? List.of() : List.of(rating.faqId()),
                                s -> s.thumbsDown() >= config.thumbsDownBeforeHandoff());
                    }
                }
                default -> {
                }
            }
            fanOut(event);
        } catch (RuntimeException e) {
            // The customer's write is already committed; a failed follow-up must not turn it into an error.
            LOG.warn("handoff follow-up failed conversation={} seq={} reason={}", event.conversationId(), event.seq(), e.toString());
        }
    }

    private void escalateIf(TranscriptEvent event, String reason, List<String> faqHints,
                            java.util.function.Predicate<touchpoint.chat.ConversationState> rule) {
        transcript.write(event.conversationId(), session -> {
            if (session.state().status().botMaySpeak() && rule.test(session.state())) {
                handoff.request(session, event.inReplyTo(), reason, faqHints);
            }
            return null;
        });
    }

    private void fanOut(TranscriptEvent event) {
        if (QUEUE_EVENTS.contains(event.type())) {
            liveBus.publish(QUEUE_TOPIC, toJson(new LiveNotice("queue", event.conversationId(), event.type().name(), null)));
        }
        if (event.type() == EventType.AGENT_JOINED) {
            event.data(EventData.AgentJoined.class).map(EventData.AgentJoined::agentId).ifPresent(agent -> liveBus.publish(agentTopic(agent),
                    toJson(new LiveNotice("assigned", event.conversationId(), event.type().name(), agent))));
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
