package touchpoint.chat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a conversation's append-only transcript, and the message the customer API shows for it.
 *
 * @param seq position in the conversation, 1, 2, 3... without gaps
 * @param id stable message id (for thumbs and client-side de-duplication)
 * @param data facts a listener needs later, captured when the event happened (agent id, reason, team...)
 * @param inReplyTo the customer message this event answers, if any
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
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
        @Nullable Map<String, String> data,
        @Nullable String clientMessageId,
        @Nullable Long inReplyTo,
        Instant createdAt) {

    public TranscriptEvent {
        options = options == null ? List.of() : List.copyOf(options);
        data = data == null ? Map.of() : Map.copyOf(data);
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

    @JsonIgnore
    public Optional<String> datum(String key) {
        return Optional.ofNullable(data.get(key));
    }

    @JsonIgnore
    public boolean is(EventType other) {
        return type == other;
    }
}
