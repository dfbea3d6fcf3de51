package touchpoint.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One immutable revision; {@code questions} and {@code tags} are JSON arrays of strings. */
@MappedEntity("faq_revision")
record RevisionRow(
        @Id @GeneratedValue @Nullable Long id,
        String faqId,
        long revision,
        String title,
        String questions,
        String tags,
        @Nullable String team,
        String locale,
        String body,
        String action,
        String author,
        Instant createdAt) {
}
