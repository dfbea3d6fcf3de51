package touchpoint.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("analytics_gap_question")
record GapQuestionRow(
        @Id @GeneratedValue @Nullable Long id,
        String conversationId,
        long seq,
        String question,
        String reasons,
        @Nullable String candidates,
        @Nullable String rejectedFaqId,
        Instant askedAt) {
}
