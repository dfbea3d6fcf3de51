package touchpoint.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One "not ours" example: a question the knowledge base does not answer. */
@Serdeable
@MappedEntity("not_ours_example")
record NotOursRow(
        @Id @GeneratedValue @Nullable Long id,
        String text,
        String normalizedText,
        String source,
        String createdBy,
        Instant createdAt) {
}
