package touchpoint.infra;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every instance subscribes to one pattern and publishes to per-topic channels. Lettuce re-subscribes
 * after a reconnect on its own; what is published while Redis is down is lost, which is why clients
 * catch up from the database by sequence number.
 *
 * <p>Redis being down when the bus is created must not fail the bean: everything that writes a transcript
 * depends on it, so an instance started during a Redis outage would answer 500 to every message. Instead the
 * bus starts disconnected, drops what it is asked to publish, and keeps trying to connect in the background.
 */
@Singleton
@Requires(property = "redis.uri")
class RedisLiveBus implements LiveBus {

    private static final Logger LOG = LoggerFactory.getLogger(RedisLiveBus.class);
    private static final String PREFIX = "touchpoint:live:";
    private static final long RETRY_SECONDS = 1;

    private final List<Consumer<LiveMessage>> listeners = new CopyOnWriteArrayList<>();
    private final RedisClient client;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "redis-live-bus-connect");
        t.setDaemon(true);
        return t;
    });
    private volatile StatefulRedisConnection<String, String> publisher;
    private volatile StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile boolean closed;

    RedisLiveBus(RedisClient client) {
        this.client = client;
        if (!connect()) {
            retries.scheduleWithFixedDelay(this::retry, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void retry() {
        if (closed || connect()) {
            // Done (or shutting down): stop the schedule by throwing out of this run.
            throw new IllegalStateException("stop retrying");
        }
    }

    private synchronized boolean connect() {
        if (publisher != null) {
            return true;
        }
        StatefulRedisConnection<String, String> pub = null;
        StatefulRedisPubSubConnection<String, String> sub = null;
        try {
            pub = client.connect();
            sub = client.connectPubSub();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String pattern, String channel, String message) {
                    deliver(new LiveMessage(channel.substring(PREFIX.length()), message));
                }
            });
            sub.sync().psubscribe(PREFIX + "*");
            subscriber = sub;
            publisher = pub;
            LOG.info("live bus connected to redis");
            return true;
        } catch (RedisException e) {
            LOG.warn("redis unavailable, live delivery waits for it (clients catch up by sequence number): {}", e.toString());
            if (sub != null) {
                sub.closeAsync();
            }
            if (pub != null) {
                pub.closeAsync();
            }
            return false;
        }
    }

    boolean connected() {
        return publisher != null;
    }

    @Override
    public void publish(String topic, String json) {
        StatefulRedisConnection<String, String> p = publisher;
        if (p == null) {
            LOG.debug("redis not connected, not published topic={}", topic);
            return;
        }
        try {
            p.async().publish(PREFIX + topic, json).exceptionally(e -> {
                LOG.warn("redis publish failed topic={} reason={}", topic, e.toString());
                return 0L;
            });
        } catch (RedisException e) {
            // Publishing happens after the commit: a failure here must never turn a stored message into an error.
            LOG.warn("redis publish failed topic={} reason={}", topic, e.toString());
        }
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
        closed = true;
        retries.shutdownNow();
        if (subscriber != null) {
            subscriber.close();
        }
        if (publisher != null) {
            publisher.close();
        }
    }
}
