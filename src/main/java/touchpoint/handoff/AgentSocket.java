package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.context.BeanContext;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import touchpoint.chat.Author;
import touchpoint.chat.Transcript;
import touchpoint.chat.Typing;
import touchpoint.chat.TranscriptEvent;
import touchpoint.infra.LiveBus;
import touchpoint.infra.LiveHeartbeat;
import touchpoint.infra.Roles;

/**
 * The agent console's live channel: queue changes for every agent, assignments for their recipient, and the
 * messages of the conversations an agent watches (its own are watched automatically). Browsers cannot set
 * headers on a WebSocket, so the JWT comes as {@code ?token=}; it is validated here like a bearer token.
 *
 * <p>Per conversation, messages go out in sequence order: one that arrives ahead of a gap (two instances
 * published close together) makes the socket read the missing ones from the database first, and duplicates
 * are dropped.
 */
@ServerWebSocket("/ws/agent")
@Secured(SecurityRule.IS_ANONYMOUS)
class AgentSocket {

    private static final Logger LOG = LoggerFactory.getLogger(AgentSocket.class);
    private static final String CONVERSATION_PREFIX = "conversation:";
    private static final String STAFF_PREFIX = Transcript.staffTopic("");
    private static final String CUSTOMER_TYPING = Typing.topic("", Author.CUSTOMER);

    private final BeanContext beans;
    private final AgentDirectory directory;
    private final HandoffQueue queue;
    private final Transcript transcript;
    private final JsonMapper json;
    private final LiveHeartbeat heartbeat;
    private final LiveBus liveBus;
    private final Typing typing = new Typing();
    private final Map<String, Watcher> watchers = new ConcurrentHashMap<>();
    /**
     * Commands that arrived while the socket's token was still being checked (open and message handlers run on
     * different pool threads, so a console's first "watch" can overtake the open); replayed once it is known.
     */
    private final Map<String, List<String>> early = new HashMap<>();
    private static final int MAX_EARLY_COMMANDS = 16;

    AgentSocket(BeanContext beans, AgentDirectory directory, HandoffQueue queue, Transcript transcript,
                JsonMapper json, LiveBus liveBus, LiveHeartbeat heartbeat) {
        this.beans = beans;
        this.directory = directory;
        this.queue = queue;
        this.transcript = transcript;
        this.json = json;
        this.heartbeat = heartbeat;
        this.liveBus = liveBus;
        liveBus.subscribe(this::deliver);
    }

    /** One open console: who it is and the last sequence number sent per watched conversation. */
    private static final class Watcher {
        final WebSocketSession session;
        final String agentId;
        final Map<String, Long> sentUpTo = new ConcurrentHashMap<>();

        Watcher(WebSocketSession session, String agentId) {
            this.session = session;
            this.agentId = agentId;
        }
    }

    @OnOpen
    @ExecuteOn(TaskExecutors.BLOCKING)
    void onOpen(@Nullable @QueryValue String token, WebSocketSession session) {
        Optional<String> agentId = agentOf(token);
        if (agentId.isEmpty()) {
            synchronized (early) {
                early.remove(session.getId());
            }
            session.close(CloseReason.POLICY_VIOLATION);
            return;
        }
        Watcher watcher = new Watcher(session, agentId.get());
        List<String> pending;
        synchronized (early) {
            watchers.put(session.getId(), watcher);
            pending = early.remove(session.getId());
        }
        heartbeat.greet(session);
        for (CaseRow mine : queue.activeFor(agentId.get())) {
            watch(watcher, mine.conversationId(), null);
        }
        if (pending != null) {
            pending.forEach(command -> handle(watcher, command));
        }
    }

    /**
     * {@code {"watch":"<conversationId>","after":<seq>}}, {@code {"unwatch":"<conversationId>"}}, or
     * {@code {"typing":"<conversationId>"}} for a watched conversation (passed on to the customer, throttled).
     */
    @OnMessage
    @ExecuteOn(TaskExecutors.BLOCKING)
    void onMessage(String message, WebSocketSession session) {
        if (message.length() > 500) {
            return;
        }
        Watcher watcher = watchers.get(session.getId());
        if (watcher == null) {
            synchronized (early) {
                watcher = watchers.get(session.getId());
                if (watcher == null) {
                    if (session.isOpen()) {
                        List<String> pending = early.computeIfAbsent(session.getId(), id -> new ArrayList<>());
                        if (pending.size() < MAX_EARLY_COMMANDS) {
                            pending.add(message);
                        }
                    }
                    return;
                }
            }
        }
        handle(watcher, message);
    }

    private void handle(Watcher watcher, String message) {
        Map<?, ?> command;
        try {
            command = json.readValue(message, Map.class);
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignored agent socket message reason={}", e.toString());
            return;
        }
        try {
            if (command.get("watch") instanceof String id && transcript.conversation(id).isPresent()) {
                Long after = command.get("after") instanceof Number n ? n.longValue() : null;
                watch(watcher, id, after);
            } else if (command.get("unwatch") instanceof String id) {
                watcher.sentUpTo.remove(id);
            } else if (command.get("typing") instanceof String id && watcher.sentUpTo.containsKey(id)
                    && typing.allow(watcher.session.getId() + "/" + id, System.currentTimeMillis())) {
                liveBus.publish(Typing.topic(id, Author.AGENT), Typing.message(id, Author.AGENT));
            }
        } catch (RuntimeException e) {
            // Not the client's fault: a watch that fails half-way leaves the console without the conversation.
            LOG.warn("agent socket command failed agent={} command={}", watcher.agentId, message, e);
        }
    }

    @OnClose
    void onClose(WebSocketSession session) {
        watchers.remove(session.getId());
        typing.forget(session.getId() + "/");
        synchronized (early) {
            early.remove(session.getId());
        }
    }

    private Optional<String> agentOf(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            // The same validators that check bearer headers (signature, expiry), asked directly.
            for (TokenValidator<?> validator : beans.getBeansOfType(TokenValidator.class)) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                Optional<Authentication> auth = Mono.from(((TokenValidator) validator).validateToken(token, null))
                        .blockOptional(Duration.ofSeconds(5));
                if (auth.isPresent()) {
                    return auth.filter(a -> a.getRoles().contains(Roles.AGENT) || a.getRoles().contains(Roles.ADMIN))
                            .map(a -> a.getAttributes().get(AgentAuthenticationProvider.AGENT_ID))
                            .map(Object::toString)
                            .filter(id -> directory.active(id).isPresent());
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Starts watching: sends what was missed after {@code after} (or nothing) and then follows live. */
    private void watch(Watcher watcher, String conversationId, @Nullable Long after) {
        synchronized (watcher) {
            long from = after == null ? transcript.conversation(conversationId).map(c -> c.lastSeq()).orElse(0L) : after;
            watcher.sentUpTo.put(conversationId, from);
            if (after != null) {
                catchUp(watcher, conversationId, Long.MAX_VALUE);
            }
        }
    }

    private void deliver(LiveBus.LiveMessage message) {
        String topic = message.topic();
        if (topic.equals(HandoffListener.QUEUE_TOPIC)) {
            watchers.values().forEach(w -> send(w, message.json()));
        } else if (topic.startsWith("agent:")) {
            String agentId = topic.substring("agent:".length());
            for (Watcher w : watchers.values()) {
                if (w.agentId.equals(agentId)) {
                    send(w, message.json());
                    notice(message.json()).ifPresent(n -> {
                        if ("assigned".equals(n.type())) {
                            w.sentUpTo.putIfAbsent(n.conversationId(), 0L);
                            synchronized (w) {
                                catchUp(w, n.conversationId(), Long.MAX_VALUE);
                            }
                        }
                    });
                }
            }
        } else if (topic.startsWith(CONVERSATION_PREFIX) || topic.startsWith(STAFF_PREFIX)) {
            // Staff-only events (notes, labels) come on their own topic but share the conversation's sequence.
            String conversationId = topic.substring(topic.indexOf(':') + 1);
            for (Watcher w : watchers.values()) {
                if (w.sentUpTo.containsKey(conversationId)) {
                    inOrder(w, conversationId, message.json());
                }
            }
        } else if (topic.startsWith(CUSTOMER_TYPING)) {
            String conversationId = topic.substring(CUSTOMER_TYPING.length());
            for (Watcher w : watchers.values()) {
                if (w.sentUpTo.containsKey(conversationId)) {
                    send(w, message.json());
                }
            }
        }
    }

    private void inOrder(Watcher w, String conversationId, String eventJson) {
        long seq;
        try {
            // Only the position is needed; the message itself is forwarded as it came.
            JsonNode node = json.readValue(eventJson, JsonNode.class).get("seq");
            if (node == null || !node.isNumber()) {
                return;
            }
            seq = node.getLongValue();
        } catch (IOException e) {
            return;
        }
        synchronized (w) {
            Long sent = w.sentUpTo.get(conversationId);
            if (sent == null || seq <= sent) {
                return;
            }
            if (seq == sent + 1) {
                send(w, eventJson);
                w.sentUpTo.put(conversationId, seq);
            } else {
                catchUp(w, conversationId, seq);
            }
        }
    }

    /** Sends stored events after the last one sent, up to {@code upTo}; the caller holds the watcher's lock. */
    private void catchUp(Watcher w, String conversationId, long upTo) {
        long sent = w.sentUpTo.getOrDefault(conversationId, 0L);
        for (TranscriptEvent event : transcript.eventsAfter(conversationId, sent)) {
            if (event.seq() > upTo) {
                break;
            }
            send(w, toJson(event));
            w.sentUpTo.put(conversationId, event.seq());
        }
    }

    private Optional<HandoffListener.LiveNotice> notice(String raw) {
        try {
            return Optional.of(json.readValue(raw, HandoffListener.LiveNotice.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void send(Watcher w, String text) {
        if (w.session.isOpen()) {
            w.session.sendAsync(text);
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
