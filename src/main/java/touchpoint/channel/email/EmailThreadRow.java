package touchpoint.channel.email;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An email conversation: its subject, the reference in that subject, and the customer's address. */
@MappedEntity("email_thread")
record EmailThreadRow(@Id String conversationId, String channelId, String ref, String subject, String customer, Instant createdAt) {
}
