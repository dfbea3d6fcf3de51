package touchpoint.chat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import touchpoint.infra.LiveBus;
import touchpoint.infra.LiveHeartbeat;

/**
 * Pushes every new message of a conversation to the customer's open sockets, on whichever instance they are
 * connected. With {@code after=<seq>} the socket first sends what the client missed.
 */
@ServerWebSocket("/ws/conversations/{id}")
@Secured(SecurityRule.IS_ANONYMOUS)
class ConversationSocket {

    private static final String AGENT_TYPING = Typing.topic("", Author.AGENT);

    private final ChatService chat;
    private final Transcript transcript;
    private final LiveHeartbeat heartbeat;
    private final LiveBus liveBus;
    private final Typing typing = new Typing();
    private final Map<String, Set<WebSocketSession>> sessionsByConversation = new ConcurrentHashMap<>();

    ConversationSocket(ChatService chat, Transcript transcript, LiveBus liveBus, LiveHeartbeat heartbeat) {
        this.chat = chat;
        this.transcript = transcript;
        this.heartbeat = heartbeat;
        this.liveBus = liveBus;
        liveBus.subscribe(this::deliver);
    }

    @OnOpen
    @ExecuteOn(TaskExecutors.BLOCKING)
    void onOpen(String id, @Nullable @QueryValue String token, @Nullable @QueryValue Long after, WebSocketSession session) {
        if (token == null || !chat.canRead(id, token)) {
            session.close(CloseReason.POLICY_VIOLATION);
            return;
        }
        sessionsByConversation.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(session);
        heartbeat.greet(session);
        if (after != null) {
            for (TranscriptEvent event : transcript.customerEventsAfter(id, after)) {
                session.sendSync(transcript.toJson(event));
            }
        }
    }

    /**
     * Customers send messages over HTTP, which answers with what was stored; the socket only carries
     * {@code {"typing":true}}, passed on to the agents watching, at most once per {@link Typing#INTERVAL}.
     */
    @OnMessage
    void onMessage(String id, String message, WebSocketSession session) {
        Set<WebSocketSession> open = sessionsByConversation.get(id);
        if (open == null || !open.contains(session) || message.length() > 100 || !message.replace(" ", "").contains("\"typing\":true")) {
            return;
        }
        if (typing.allow(session.getId(), System.currentTimeMillis())) {
            liveBus.publish(Typing.topic(id, Author.CUSTOMER), Typing.message(id, Author.CUSTOMER));
        }
    }

    @OnClose
    void onClose(String id, WebSocketSession session) {
        typing.forget(session.getId());
        Set<WebSocketSession> sessions = sessionsByConversation.get(id);
        if (sessions != null) {
            sessions.remove(session);
            if (sessions.isEmpty()) {
                sessionsByConversation.remove(id, sessions);
            }
        }
    }

    private void deliver(LiveBus.LiveMessage message) {
        // Only the customer-visible topics: staff-only events (notes, labels) travel on Transcript.staffTopic.
        String conversationId;
        if (message.topic().startsWith("conversation:")) {
            conversationId = message.topic().substring("conversation:".length());
        } else if (message.topic().startsWith(AGENT_TYPING)) {
            conversationId = message.topic().substring(AGENT_TYPING.length());
        } else {
            return;
        }
        Set<WebSocketSession> sessions = sessionsByConversation.get(conversationId);
        if (sessions == null) {
            return;
        }
        for (WebSocketSession session : sessions) {
            if (session.isOpen()) {
                session.sendAsync(message.json());
            }
        }
    }
}
