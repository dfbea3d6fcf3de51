package touchpoint.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("analytics_answer")
record AnswerRow(
        @Id @GeneratedValue @Nullable Long id,
        String conversationId,
        long seq,
        String faqId,
        @Nullable String question,
        @Nullable Double confidence,
        @Nullable Boolean helpful,
        Instant answeredAt) {

    AnswerRow rated(boolean isHelpful) {
        return new AnswerRow(id, conversationId, seq, faqId, question, confidence, isHelpful, answeredAt);
    }
}
