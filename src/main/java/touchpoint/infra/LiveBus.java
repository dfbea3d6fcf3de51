package touchpoint.infra;

import java.util.function.Consumer;

/**
 * Fans out committed transcript messages to every instance's live connections.
 * In-process by default; Redis pub/sub when {@code redis.uri} is set.
 * Messages travel as JSON strings so the bus stays independent of any feature's types.
 */
public interface LiveBus {

    /** Publishes after the database commit; delivery is best effort, clients catch up by sequence number. */
    void publish(String topic, String json);

    void subscribe(Consumer<LiveMessage> listener);

    record LiveMessage(String topic, String json) {
    }
}
