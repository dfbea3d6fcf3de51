package touchpoint.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The part of an event stored as JSON in {@code conversation_event.payload}.
 *
 * @param data the event's {@link EventData} record as JSON, read back as the record its event type names; in rows
 *             written before events were typed ({@code schema} absent) a map of strings, read by {@link LegacyEventData}
 * @param schema {@link #TYPED} when {@code data} is a typed record
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventPayload(
        @Nullable String text,
        @Nullable String html,
        @Nullable String faqId,
        @Nullable Double confidence,
        @Nullable List<Option> options,
        @Nullable SurveyPrompt survey,
        @Nullable JsonNode data,
        @Nullable Integer schema) {

    static final int TYPED = 2;
}
