package touchpoint.channel;

import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A configured channel: where conversations arrive from and where their messages go back to.
 *
 * @param type the {@link ChannelType#type()} that serves it ({@code web} for the widget)
 * @param settings the type's own settings as a JSON object; never a secret (those are read through {@link ChannelSecrets})
 * @param secrets the names of the secrets this channel holds, not their values
 */
public record Channel(String id, String type, String name, boolean enabled, JsonNode settings, Set<String> secrets,
                      Instant createdAt, Instant updatedAt) {

    /** The widget's channel, which exists from the start and owns every conversation older than channels. */
    public static final String WEB = "web";

    public Optional<String> setting(String name) {
        JsonNode value = settings.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.coerceStringValue());
    }

    public Optional<Integer> intSetting(String name) {
        JsonNode value = settings.get(name);
        return value != null && value.isNumber() ? Optional.of(value.getIntValue()) : Optional.empty();
    }

    public Optional<Boolean> booleanSetting(String name) {
        JsonNode value = settings.get(name);
        return value != null && value.isBoolean() ? Optional.of(value.getBooleanValue()) : Optional.empty();
    }
}
