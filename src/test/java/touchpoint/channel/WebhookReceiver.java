package touchpoint.channel;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A local HTTP endpoint that records every webhook it is sent, answering with the status {@link #answer} chooses
 * (200 by default; 500 or a stall to play a failing endpoint).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One received request: its headers (lower-case names) and body. */
    public record Received(Map<String, List<String>> headers, String body, int answeredWith) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile IntSupplier answer = () -> 200;
    private volatile long stallMillis;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long stall = stallMillis;
            if (stall > 0) {
                try {
                    Thread.sleep(stall);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = answer.getAsInt();
            Map<String, List<String>> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), new ArrayList<>(v)));
            received.add(new Received(headers, new String(body, StandardCharsets.UTF_8), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** What to answer from now on. */
    public void answer(IntSupplier status) {
        this.answer = status;
    }

    public void stall(long millis) {
        this.stallMillis = millis;
    }

    /** Every request, including those answered with an error. */
    public List<Received> all() {
        return List.copyOf(received);
    }

    /** Requests answered 2xx: what the endpoint accepted. */
    public List<Received> accepted() {
        return received.stream().filter(r -> r.answeredWith() >= 200 && r.answeredWith() < 300).toList();
    }

    public int calls() {
        return calls.get();
    }

    public void clear() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
