package touchpoint.channel;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code channel} table read as {@link Channel}s: settings and secrets from and to their JSON columns. */
@Singleton
class ChannelStore {

    private static final Argument<Map<String, StoredSecret>> SECRETS = Argument.mapOf(String.class, StoredSecret.class);

    private final ChannelRepository channels;
    private final JsonMapper json;

    ChannelStore(ChannelRepository channels, JsonMapper json) {
        this.channels = channels;
        this.json = json;
    }

    Optional<Channel> find(String id) {
        return channels.findById(id).map(this::toChannel);
    }

    List<Channel> all() {
        return channels.findAllOrderByCreatedAt().stream().map(this::toChannel).toList();
    }

    Optional<ChannelRow> row(String id) {
        return channels.findById(id);
    }

    Map<String, StoredSecret> secrets(String id) {
        return channels.findById(id).map(r -> secrets(r)).orElse(Map.of());
    }

    Map<String, StoredSecret> secrets(ChannelRow row) {
        try {
            return new LinkedHashMap<>(json.readValue(row.secrets(), SECRETS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Channel insert(ChannelRow row) {
        return toChannel(channels.save(row));
    }

    void delete(String id) {
        channels.deleteById(id);
    }

    Channel update(ChannelRow row) {
        return toChannel(channels.update(row));
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

    private Channel toChannel(ChannelRow row) {
        return new Channel(row.id(), row.type(), row.name(), row.enabled(), settings(row),
                new LinkedHashSet<>(secrets(row).keySet()), row.createdAt(), row.updatedAt());
    }
}
