package touchpoint.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** The part of an event stored as JSON in {@code conversation_event.payload}. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record EventPayload(
        @Nullable String text,
        @Nullable String html,
        @Nullable String faqId,
        @Nullable Double confidence,
        @Nullable List<Option> options,
        @Nullable SurveyPrompt survey,
        @Nullable Map<String, String> data) {
}
