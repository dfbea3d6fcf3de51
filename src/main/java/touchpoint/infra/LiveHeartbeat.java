package touchpoint.infra;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.websocket.WebSocketBroadcaster;
import io.micronaut.websocket.WebSocketSession;
import jakarta.inject.Singleton;

/**
 * Keeps live sockets honest. A socket can look open to its client long after the server side is gone: a proxy or
 * NAT that dropped an idle connection, a laptop that slept, or a socket accepted by an instance in the middle of
 * shutting down. Such a client waits forever for messages that never come. So every socket gets
 * {@code {"type":"heartbeat","everyMs":N}} when it opens and every N ms after; a client that hears nothing for a
 * few intervals closes it and reconnects, catching up by sequence number. Writing to a dead peer also lets the
 * server notice and drop the session.
 */
@Singleton
public class LiveHeartbeat {

    private final WebSocketBroadcaster broadcaster;
    private final String frame;

    LiveHeartbeat(WebSocketBroadcaster broadcaster, LiveConfig config) {
        this.broadcaster = broadcaster;
        this.frame = "{\"type\":\"heartbeat\",\"everyMs\":" + config.heartbeat().toMillis() + "}";
    }

    /** The first heartbeat, right after a socket is accepted: it tells the client the interval to expect. */
    public void greet(WebSocketSession session) {
        if (session.isOpen()) {
            session.sendAsync(frame);
        }
    }

    @Scheduled(fixedDelay = "${touchpoint.live.heartbeat:20s}", initialDelay = "${touchpoint.live.heartbeat:20s}")
    void beat() {
        broadcaster.broadcastAsync(frame);
    }
}
