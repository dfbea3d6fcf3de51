package touchpoint.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("faq")
record FaqRow(
        @Id String id,
        long headRevision,
        @Nullable Long publishedRevision,
        @Nullable Instant deletedAt,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy) {

    boolean deleted() {
        return deletedAt != null;
    }

    /** Customers get this FAQ: it is published and not deleted. */
    boolean live() {
        return deletedAt == null && publishedRevision != null;
    }

    /** {@code published} only when what the editor shows is exactly what customers get. */
    FaqStatus status() {
        return publishedRevision != null && publishedRevision == headRevision ? FaqStatus.published : FaqStatus.draft;
    }

    FaqRow withHead(long revision, Instant at, String by) {
        return new FaqRow(id, revision, publishedRevision, null, createdAt, at, by);
    }

    FaqRow publishedAt(long revision, Instant at, String by) {
        return new FaqRow(id, headRevision, revision, deletedAt, createdAt, at, by);
    }

    FaqRow deletedAt(Instant at, String by) {
        return new FaqRow(id, headRevision, publishedRevision, at, createdAt, at, by);
    }
}
