package touchpoint.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("survey_timer")
record SurveyTimerRow(
        @Id @GeneratedValue @Nullable Long id,
        String conversationId,
        String kind,
        @Nullable String questionId,
        long refSeq,
        Instant dueAt) {

    static final String IDLE = "idle";
    static final String EXPIRY = "expiry";
}
