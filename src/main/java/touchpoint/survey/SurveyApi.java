package touchpoint.survey;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import touchpoint.chat.TranscriptEvent;

/** Request and response bodies of the survey and thumbs endpoints. */
final class SurveyApi {

    private SurveyApi() {
    }

    /** {@code score} is read as a number and checked against the question's own scale (a clearer 400 than a bind error). */
    @Serdeable
    record AnswerRequest(@NotBlank @Size(max = 50) String questionId, @Nullable Double score,
                         @Nullable @Size(max = 1000) String comment) {
    }

    @Serdeable
    record FeedbackRequest(@NotNull Boolean helpful) {
    }

    /** What was stored: the answer or rating first, then the bot's follow-ups (next question, next answer...). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Stored(TranscriptEvent accepted, List<TranscriptEvent> replies) {

        static Stored of(List<TranscriptEvent> events) {
            return new Stored(events.get(0), events.subList(1, events.size()));
        }
    }
}
