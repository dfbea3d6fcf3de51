package touchpoint.channel;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import touchpoint.infra.Ids;
import touchpoint.infra.InvalidRequest;

/** The channels admins configure, and the type that serves each. */
@Singleton
public class ChannelDirectory {

    private final ChannelStore store;
    private final SecretBox box;
    private final Map<String, ChannelType> types;
    private final JsonMapper json;
    private final Ids ids;
    private final Clock clock;

    ChannelDirectory(ChannelStore store, SecretBox box, List<ChannelType> types, JsonMapper json, Ids ids, Clock clock) {
        this.store = store;
        this.box = box;
        this.types = types.stream().collect(Collectors.toMap(ChannelType::type, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two channel types are named " + a.type());
        }, TreeMap::new));
        if (this.types.containsKey(Channel.WEB)) {
            throw new IllegalStateException("the web channel type is the widget's and built in");
        }
        this.json = json;
        this.ids = ids;
        this.clock = clock;
    }

    /** A created or updated channel, with the secrets it made that are shown this once and never again. */
    public record Configured(Channel channel, Map<String, String> shownOnce) {
    }

    public Configured create(String type, String name, Boolean enabled, Map<String, JsonNode> fields) {
        ChannelType channelType = Optional.ofNullable(type).map(types::get).orElseThrow(() ->
                new InvalidRequest("type", "must be one of " + types.keySet()));
        String id = ids.newId();
        ChannelSetup setup = configure(channelType, fields, null);
        Map<String, StoredSecret> secrets = new LinkedHashMap<>();
        Map<String, String> shownOnce = new LinkedHashMap<>();
        keep(id, setup, secrets, shownOnce);
        Instant now = clock.instant();
        Channel channel = store.insert(new ChannelRow(id, channelType.type(), checkedName(name), enabled == null || enabled,
                store.write(setup.settings()), store.write(secrets), now, now));
        if (channel.enabled()) {
            try {
                channelType.activated(channel);
            } catch (RuntimeException e) {
                store.delete(id);
                throw e;
            }
        }
        return new Configured(channel, shownOnce);
    }

    /**
     * Changes what is given: the name, enabled, type-specific fields. Settings not given keep their values, and a secret
     * not given keeps its value; a secret is never shown again.
     */
    public Configured update(String id, String name, Boolean enabled, Map<String, JsonNode> fields) {
        ChannelRow row = store.row(id).orElseThrow(ChannelNotFound::new);
        if (Channel.WEB.equals(row.type())) {
            throw new InvalidRequest("id", "the website widget's channel is built in and has nothing to configure");
        }
        // From the row just read, not the snapshot: an update starts from what the table holds now.
        Channel existing = store.toChannel(row);
        ChannelSetup setup = configure(type(existing), fields, existing);
        Map<String, Object> settings = new LinkedHashMap<>();
        try {
            settings.putAll(json.readValue(row.settings(), Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.putAll(setup.settings());
        settings.values().removeIf(java.util.Objects::isNull);
        Map<String, StoredSecret> secrets = store.secrets(row);
        Map<String, String> shownOnce = new LinkedHashMap<>();
        keep(id, setup, secrets, shownOnce);
        Channel updated = store.update(new ChannelRow(id, row.type(), name == null ? row.name() : checkedName(name),
                enabled == null ? row.enabled() : enabled, store.write(settings), store.write(secrets), row.createdAt(), clock.instant()));
        try {
            if (updated.enabled()) {
                type(updated).activated(updated);
            } else if (existing.enabled()) {
                type(updated).deactivated(updated);
            }
        } catch (RuntimeException e) {
            store.update(row);
            throw e;
        }
        return new Configured(updated, shownOnce);
    }

    public List<Channel> list() {
        return store.all();
    }

    public Optional<Channel> find(String id) {
        return store.find(id);
    }

    /** The channel, refused when it does not exist or is switched off. */
    public Channel enabled(String id) {
        Channel channel = store.find(id).orElseThrow(ChannelNotFound::new);
        if (!channel.enabled()) {
            throw new ChannelDisabled();
        }
        return channel;
    }

    /** The type serving this channel; empty for the widget, which the core serves itself. */
    public Optional<ChannelType> typeOf(Channel channel) {
        return Optional.ofNullable(types.get(channel.type()));
    }

    /** The type names admins can create channels of. */
    public List<String> typeNames() {
        return List.copyOf(types.keySet());
    }

    /** For each secret the channel's type can hold, whether this channel holds it; values are never shown. */
    public Map<String, Boolean> secretsSet(Channel channel) {
        Map<String, Boolean> set = new TreeMap<>();
        typeOf(channel).ifPresent(t -> t.secretNames().forEach(n -> set.put(n, channel.secrets().contains(n))));
        channel.secrets().forEach(n -> set.put(n, true));
        return set;
    }

    private ChannelType type(Channel channel) {
        return typeOf(channel).orElseThrow(() -> new IllegalStateException("no channel type " + channel.type() + " is installed"));
    }

    private static ChannelSetup configure(ChannelType type, Map<String, JsonNode> fields, Channel existing) {
        ChannelFields read = new ChannelFields(fields, existing);
        ChannelSetup setup = new ChannelSetup();
        type.configure(read, setup);
        TreeSet<String> unread = new TreeSet<>(read.unread());
        if (!unread.isEmpty()) {
            throw new InvalidRequest(unread.first(), "is not a setting of " + type.type() + " channels");
        }
        return setup;
    }

    private void keep(String channelId, ChannelSetup setup, Map<String, StoredSecret> secrets, Map<String, String> shownOnce) {
        setup.secrets().forEach((name, secret) -> {
            secrets.put(name, secret.storage() == ChannelSetup.Storage.HASHED
                    ? new StoredSecret(StoredSecret.HASHED, Ids.hash(secret.value()))
                    : new StoredSecret(StoredSecret.ENCRYPTED, box.seal(channelId, name, secret.value())));
            if (secret.showOnce()) {
                shownOnce.put(name, secret.value());
            }
        });
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidRequest("name", "is required");
        }
        if (name.strip().length() > 200) {
            throw new InvalidRequest("name", "must be at most 200 characters");
        }
        return name.strip();
    }
}
