package touchpoint.channel;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;

/**
 * A channel as the admin API shows it.
 *
 * @param secrets for each secret of the channel's type, whether it is set; never a value
 */
@Serdeable
record ChannelView(String id, String type, String name, boolean enabled, JsonNode settings, Map<String, Boolean> secrets,
                   Instant createdAt, Instant updatedAt) {
}
