package touchpoint.channel;

import io.micronaut.json.tree.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import touchpoint.infra.InvalidRequest;

/**
 * The type-specific fields of an admin's create or update request (everything besides {@code type}, {@code name} and
 * {@code enabled}), read by name with their JSON type checked. The core refuses any field the type did not read, so
 * a misspelt setting is an error instead of being silently dropped.
 */
public final class ChannelFields {

    private final Map<String, JsonNode> fields;
    private final Channel existing;
    private final Set<String> read = new HashSet<>();

    ChannelFields(Map<String, JsonNode> fields, Channel existing) {
        this.fields = new LinkedHashMap<>(fields);
        this.existing = existing;
    }

    /** The channel as stored before this update; empty while it is being created. */
    public Optional<Channel> existing() {
        return Optional.ofNullable(existing);
    }

    public boolean creating() {
        return existing == null;
    }

    public boolean has(String name) {
        JsonNode v = fields.get(name);
        return v != null && !v.isNull();
    }

    public Optional<String> string(String name) {
        read.add(name);
        JsonNode v = fields.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isString()) {
            throw new InvalidRequest(name, "must be a string");
        }
        return Optional.of(v.getStringValue().strip());
    }

    /** A string required on creation; on an update, the stored setting when the field is not given. */
    public String requiredString(String name, int maxLength) {
        Optional<String> given = string(name);
        String value = given.or(() -> existing().flatMap(c -> c.setting(name)))
                .orElseThrow(() -> new InvalidRequest(name, "is required"));
        if (value.isBlank()) {
            throw new InvalidRequest(name, "must not be blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidRequest(name, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    public Optional<Integer> integer(String name, int min, int max) {
        read.add(name);
        JsonNode v = fields.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isNumber() || v.getNumberValue().doubleValue() != v.getIntValue()) {
            throw new InvalidRequest(name, "must be a whole number");
        }
        int value = v.getIntValue();
        if (value < min || value > max) {
            throw new InvalidRequest(name, "must be from " + min + " to " + max);
        }
        return Optional.of(value);
    }

    public Optional<Boolean> bool(String name) {
        read.add(name);
        JsonNode v = fields.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw new InvalidRequest(name, "must be true or false");
        }
        return Optional.of(v.getBooleanValue());
    }

    /** An absolute http or https URL, required on creation; on an update, the stored one when not given. */
    public URI httpUrl(String name) {
        String value = requiredString(name, 2000);
        try {
            URI uri = new URI(value);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidRequest(name, "must be an absolute http or https URL");
            }
            if (uri.getUserInfo() != null) {
                throw new InvalidRequest(name, "must not carry a user name or password");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidRequest(name, "must be an absolute http or https URL");
        }
    }

    /** Fields given that the type never asked for. */
    Set<String> unread() {
        Set<String> unread = new HashSet<>(fields.keySet());
        unread.removeAll(read);
        return unread;
    }
}
