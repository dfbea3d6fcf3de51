package touchpoint.handoff;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import touchpoint.chat.EventData;

/**
 * @param text a short paragraph for the agent
 * @param reason why the conversation came to a person (the latest HANDOFF_REQUESTED)
 * @param customerQuestions what the customer asked, oldest first
 * @param faqsTried the FAQs the bot answered, offered or considered, with confidence
 * @param ratings thumbs up/down so far
 * @param surveyAnswers survey answers so far
 * @param generated true when {@code text} was written by the language model rather than put together from the facts
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HandoffSummary(String text, @Nullable String reason, @Nullable String team, List<String> customerQuestions,
                             List<FaqTried> faqsTried, List<Rating> ratings, List<SurveyAnswer> surveyAnswers,
                             boolean generated) {

    /** The same facts with {@code text} written by the language model. */
    HandoffSummary writtenByModel(String modelText) {
        return new HandoffSummary(modelText, reason, team, customerQuestions, faqsTried, ratings, surveyAnswers, true);
    }

    @Serdeable
    public record FaqTried(String faqId, @Nullable String title, @Nullable Double confidence, String outcome, @Nullable String question) {
    }

    @Serdeable
    public record Rating(@Nullable String faqId, boolean helpful, @Nullable String via) {
    }

    @Serdeable
    public record SurveyAnswer(@Nullable String questionId, @Nullable String answer, EventData.SurveyAnswered data) {
    }
}
