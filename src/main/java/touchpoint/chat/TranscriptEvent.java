package touchpoint.chat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a conversation's append-only transcript, and the message the customer API shows for it.
 *
 * @param seq position in the conversation, 1, 2, 3... without gaps
 * @param id stable message id (for thumbs and client-side de-duplication)
 * @param options the buttons offered with this message; always present, empty when there are none
 * @param data facts a listener needs later, captured when the event happened: the record
 *             {@link EventType#dataType()} names, absent for types that carry only text
 * @param inReplyTo the customer message this event answers, if any
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TranscriptEvent(
        String conversationId,
        long seq,
        String id,
        EventType type,
        @Nullable String text,
        @Nullable String html,
        @Nullable String faqId,
        @Nullable Double confidence,
        @Nullable List<Option> options,
        @Nullable SurveyPrompt survey,
        @Nullable EventData data,
        @Nullable String clientMessageId,
        @Nullable Long inReplyTo,
        Instant createdAt) {

    public TranscriptEvent {
        options = options == null ? List.of() : List.copyOf(options);
        if (data != null && data.eventType() != type) {
            throw new IllegalArgumentException(type + " cannot carry " + data.getClass().getSimpleName());
        }
    }

    @JsonIgnore
    public Author author() {
        return type.author();
    }

    @JsonIgnore
    public Kind kind() {
        return type.kind();
    }

    @JsonProperty("author")
    String authorName() {
        return type.author().json();
    }

    @JsonProperty("kind")
    String kindName() {
        return type.kind().json();
    }

    /** This event's data when it is a {@code type}: {@code event.data(EventData.AnswerRated.class)}. */
    public <T extends EventData> Optional<T> data(Class<T> type) {
        return type.isInstance(data) ? Optional.of(type.cast(data)) : Optional.empty();
    }

    @JsonIgnore
    public boolean is(EventType other) {
        return type == other;
    }
}
