package touchpoint.channel;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("channel")
record ChannelRow(@Id String id, String type, String name, boolean enabled, String settings, String secrets,
                  Instant createdAt, Instant updatedAt) {
}
