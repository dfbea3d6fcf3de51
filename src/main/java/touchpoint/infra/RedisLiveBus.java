package touchpoint.infra;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every instance subscribes to one pattern and publishes to per-topic channels. Lettuce re-subscribes
 * after a reconnect on its own; what is published while Redis is down is lost, which is why clients
 * catch up from the database by sequence number.
 */
@Singleton
@Requires(property = "redis.uri")
class RedisLiveBus implements LiveBus {

    private static final Logger LOG = LoggerFactory.getLogger(RedisLiveBus.class);
    private static final String PREFIX = "touchpoint:live:";

    private final List<Consumer<LiveMessage>> listeners = new CopyOnWriteArrayList<>();
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;

    RedisLiveBus(RedisClient client) {
        this.publisher = client.connect();
        this.subscriber = client.connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String pattern, String channel, String message) {
                deliver(new LiveMessage(channel.substring(PREFIX.length()), message));
            }
        });
        subscriber.sync().psubscribe(PREFIX + "*");
    }

    @Override
    public void publish(String topic, String json) {
        publisher.async().publish(PREFIX + topic, json).exceptionally(e -> {
            LOG.warn("redis publish failed topic={} reason={}", topic, e.toString());
            return 0L;
        });
    }

    @Override
    public void subscribe(Consumer<LiveMessage> listener) {
        listeners.add(listener);
    }

    private void deliver(LiveMessage message) {
        for (Consumer<LiveMessage> listener : listeners) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("live listener failed topic={}", message.topic(), e);
            }
        }
    }

    @PreDestroy
    void close() {
        subscriber.close();
        publisher.close();
    }
}
