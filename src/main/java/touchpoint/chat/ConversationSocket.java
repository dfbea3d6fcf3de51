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

    private final ChatService chat;
    private final Transcript transcript;
    private final LiveHeartbeat heartbeat;
    private final Map<String, Set<WebSocketSession>> sessionsByConversation = new ConcurrentHashMap<>();

    ConversationSocket(ChatService chat, Transcript transcript, LiveBus liveBus, LiveHeartbeat heartbeat) {
        this.chat = chat;
        this.transcript = transcript;
        this.heartbeat = heartbeat;
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
            for (TranscriptEvent event : transcript.eventsAfter(id, after)) {
                session.sendSync(transcript.toJson(event));
            }
        }
    }

    @OnMessage
    void onMessage(String id, String message, WebSocketSession session) {
        // Customers send over HTTP, which answers with what was stored; the socket only listens.
    }

    @OnClose
    void onClose(String id, WebSocketSession session) {
        Set<WebSocketSession> sessions = sessionsByConversation.get(id);
        if (sessions != null) {
            sessions.remove(session);
            if (sessions.isEmpty()) {
                sessionsByConversation.remove(id, sessions);
            }
        }
    }

    private void deliver(LiveBus.LiveMessage message) {
        if (!message.topic().startsWith("conversation:")) {
            return;
        }
        Set<WebSocketSession> sessions = sessionsByConversation.get(message.topic().substring("conversation:".length()));
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
