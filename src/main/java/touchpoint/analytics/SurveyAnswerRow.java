package touchpoint.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("analytics_survey_answer")
record SurveyAnswerRow(
        @Id @GeneratedValue @Nullable Long id,
        String conversationId,
        long seq,
        String questionId,
        String surveyType,
        int score,
        @Nullable String comment,
        @Nullable String agentId,
        @Nullable String lastFaqId,
        @Nullable String touchpoint,
        Instant answeredAt) {
}
