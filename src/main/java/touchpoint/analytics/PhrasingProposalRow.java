package touchpoint.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("phrasing_proposal")
record PhrasingProposalRow(
        @Id @GeneratedValue @Nullable Long id,
        String faqId,
        String text,
        String normalizedText,
        String source,
        @Nullable String conversationId,
        String status,
        @Nullable String decidedBy,
        Instant createdAt,
        @Nullable Instant decidedAt) {
}
