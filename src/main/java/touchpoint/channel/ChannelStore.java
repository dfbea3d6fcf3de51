package touchpoint.channel;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.infra.LiveBus;

/**
 * The {@code channel} table read as {@link Channel}s: settings and secrets from and to their JSON columns.
 *
 * <p>Reads are served from a snapshot of the whole table: channels are few and change rarely, while the API channel
 * reads its channel on every message and the outbox on every event. Every write goes through this class; it drops the
 * snapshot on the writing instance before returning and announces the change on the {@link LiveBus} topic
 * {@value #TOPIC}, so every other instance drops its own too and a disabled channel is refused everywhere at once.
 * Pub/sub loses what is sent while Redis is down; a snapshot older than {@code touchpoint.channels.cache-for} is
 * read again, which bounds how long such a lost announcement can leave an instance behind.
 */
@Singleton
class ChannelStore {

    static final String TOPIC = "channels";

    private static final Logger LOG = LoggerFactory.getLogger(ChannelStore.class);
    private static final Argument<Map<String, StoredSecret>> SECRETS = Argument.mapOf(String.class, StoredSecret.class);

    private final ChannelRepository channels;
    private final JsonMapper json;
    private final LiveBus bus;
    private final Clock clock;
    private final ChannelsConfig config;
    /**
     * Counts the changes heard of; a snapshot is only good for the count it was read at. Read before the table, so a
     * change announced while the table is being read leaves the new snapshot already stale.
     */
    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot;

    /** One channel as the table holds it: the view, and its secrets as stored (hashes and ciphertexts). */
    private record Cached(Channel channel, Map<String, StoredSecret> secrets) {
    }

    private record Snapshot(long changes, Instant readAt, Map<String, Cached> byId, List<Channel> inOrder) {
    }

    ChannelStore(ChannelRepository channels, JsonMapper json, LiveBus bus, Clock clock, ChannelsConfig config) {
        this.channels = channels;
        this.json = json;
        this.bus = bus;
        this.clock = clock;
        this.config = config;
        bus.subscribe(message -> {
            if (TOPIC.equals(message.topic())) {
                // Only marks the snapshot stale: the next read, on a request thread, reads the table, not the bus's thread.
                changes.incrementAndGet();
            }
        });
    }

    /**
     * The channel; one missing from the snapshot is looked for in the table, since a channel created on another
     * instance while the bus was down must still get its deliveries written. An API key is checked against the
     * snapshot alone ({@link #secrets(String)}), so guessed channel ids never reach the database.
     */
    Optional<Channel> find(String id) {
        Cached cached = current().byId().get(id);
        if (cached != null) {
            return Optional.of(cached.channel());
        }
        Optional<ChannelRow> row = channels.findById(id);
        if (row.isPresent()) {
            changes.incrementAndGet();
        }
        return row.map(this::toChannel);
    }

    List<Channel> all() {
        return current().inOrder();
    }

    /** The row as the table holds it now, never from the snapshot: what an admin's update starts from. */
    Optional<ChannelRow> row(String id) {
        return channels.findById(id);
    }

    /** The channel's stored secrets (hashes and ciphertexts, never plain values); empty for an unknown channel. */
    Map<String, StoredSecret> secrets(String id) {
        return Optional.ofNullable(current().byId().get(id)).map(Cached::secrets).orElse(Map.of());
    }

    Map<String, StoredSecret> secrets(ChannelRow row) {
        try {
            return new LinkedHashMap<>(json.readValue(row.secrets(), SECRETS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Channel insert(ChannelRow row) {
        try {
            return toChannel(channels.save(row));
        } finally {
            changed(row.id());
        }
    }

    void delete(String id) {
        try {
            channels.deleteById(id);
        } finally {
            changed(id);
        }
    }

    Channel update(ChannelRow row) {
        try {
            return toChannel(channels.update(row));
        } finally {
            changed(row.id());
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode settings(ChannelRow row) {
        try {
            return json.readValue(row.settings(), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a committed write: this instance forgets its snapshot before the admin's request returns, the others hear it. */
    private void changed(String id) {
        changes.incrementAndGet();
        try {
            // The id is a UUID or a fixed name: nothing to escape.
            bus.publish(TOPIC, "\"" + id + "\"");
        } catch (RuntimeException e) {
            LOG.warn("could not announce a change of channel {}; other instances see it within {}", id, config.cacheFor(), e);
        }
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (fresh(s)) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (fresh(s)) {
                return s;
            }
            long seen = changes.get();
            Instant readAt = clock.instant();
            Map<String, Cached> byId = new LinkedHashMap<>();
            for (ChannelRow row : channels.findAllOrderByCreatedAt()) {
                byId.put(row.id(), new Cached(toChannel(row), Map.copyOf(secrets(row))));
            }
            s = new Snapshot(seen, readAt, Map.copyOf(byId), byId.values().stream().map(Cached::channel).toList());
            snapshot = s;
            return s;
        }
    }

    private boolean fresh(Snapshot s) {
        return s != null && s.changes() == changes.get() && clock.instant().isBefore(s.readAt().plus(config.cacheFor()));
    }

    Channel toChannel(ChannelRow row) {
        return new Channel(row.id(), row.type(), row.name(), row.enabled(), settings(row),
                java.util.Collections.unmodifiableSet(new LinkedHashSet<>(secrets(row).keySet())), row.createdAt(), row.updatedAt());
    }
}
