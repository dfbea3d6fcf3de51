package touchpoint.infra;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Singleton
@Requires(missingProperty = "redis.uri")
class InProcessLiveBus implements LiveBus {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessLiveBus.class);

    private final List<Consumer<LiveMessage>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(String topic, String json) {
        LiveMessage message = new LiveMessage(topic, json);
        for (Consumer<LiveMessage> listener : listeners) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("live listener failed topic={}", topic, e);
            }
        }
    }

    @Override
    public void subscribe(Consumer<LiveMessage> listener) {
        listeners.add(listener);
    }
}
