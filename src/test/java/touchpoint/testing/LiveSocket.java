package touchpoint.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket client that keeps every text frame it receives, for asserting live delivery. Heartbeats are not
 * kept as frames: like the widget and the console, the client only notes when it last heard from the server.
 */
public final class LiveSocket implements WebSocket.Listener, AutoCloseable {

    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean closed;
    private volatile long lastHeardNanos = System.nanoTime();
    private final java.util.concurrent.atomic.AtomicInteger heartbeats = new java.util.concurrent.atomic.AtomicInteger();
    private volatile String lastHeartbeat;
    private final WebSocket socket;

    private LiveSocket(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, this).join();
    }

    public static LiveSocket open(URI uri) {
        return new LiveSocket(uri);
    }

    public List<String> frames() {
        return frames;
    }

    public boolean closed() {
        return closed;
    }

    /** Heartbeats received so far. */
    public int heartbeats() {
        return heartbeats.get();
    }

    /** The last heartbeat frame as received, or null. */
    public String lastHeartbeat() {
        return lastHeartbeat;
    }

    /** How long the server has been silent (no frame of any kind), as a client's watchdog sees it. */
    public Duration silentFor() {
        return Duration.ofNanos(System.nanoTime() - lastHeardNanos);
    }

    /** Sends a text frame and waits (up to 5 s) until it is handed to the network; false when the socket failed. */
    public boolean send(String text) {
        try {
            socket.sendText(text, true).get(5, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
            return false;
        } catch (ExecutionException | TimeoutException e) {
            closed = true;
            return false;
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            lastHeardNanos = System.nanoTime();
            if (frame.startsWith("{\"type\":\"heartbeat\"")) {
                lastHeartbeat = frame;
                heartbeats.incrementAndGet();
            } else {
                frames.add(frame);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = true;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = true;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
