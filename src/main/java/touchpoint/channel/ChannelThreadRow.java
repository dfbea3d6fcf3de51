package touchpoint.channel;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

@MappedEntity("channel_conversation")
record ChannelThreadRow(@EmbeddedId Key key, String conversationId, String contact, Instant createdAt, Instant updatedAt) {

    @Embeddable
    record Key(@MappedProperty("channel_id") String channelId, @MappedProperty("external_key") String externalKey) {
    }
}
