package touchpoint.workspace;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** @param content the bytes, or null when they are kept in {@code touchpoint.workspace.attachment-dir} */
@MappedEntity("attachment")
record AttachmentRow(@Id String id, String conversationId, String contentType, long byteSize, String filename,
                     @Nullable byte[] content, Instant createdAt) {
}
