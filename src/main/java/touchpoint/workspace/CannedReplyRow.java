package touchpoint.workspace;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("canned_reply")
record CannedReplyRow(@Id String id, String shortcut, String title, String body, String updatedBy, Instant updatedAt) {
}
