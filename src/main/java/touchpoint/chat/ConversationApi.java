package touchpoint.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request and response bodies of the customer API; every list in a response is present, empty when there is nothing. */
final class ConversationApi {

    private ConversationApi() {
    }

    @Serdeable
    record StartRequest(
            @Nullable @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_./:-]*", message = "may contain only letters, digits and _ . / : -") String touchpoint,
            @Nullable @Size(max = 20) @Pattern(regexp = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*", message = "must be a language tag such as en or de-CH") String locale,
            @Nullable @Size(min = 1, max = 200) String userId,
            @Nullable @Size(max = 128) String userHash,
            @Nullable @Size(max = 320) String email,
            @Nullable @Size(max = 200) String name,
            @Nullable @Size(min = 16, max = 100) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "may contain only letters, digits, _ and -") String visitorId) {

        StartingCustomer.Claim claim() {
            return new StartingCustomer.Claim(userId, userHash, email, name, visitorId);
        }
    }

    /** @param contactId present when the start identified the customer (a verified identity) */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StartResponse(String id, String token, ConversationStatus state, List<TranscriptEvent> messages,
                         @Nullable String contactId) {
    }

    @Serdeable
    record SendRequest(
            @Nullable @Size(min = 1, max = 100) @Pattern(regexp = "[A-Za-z0-9_.:-]+", message = "may contain only letters, digits and _ . : -") String clientMessageId,
            @NotBlank @Size(max = 2000) String text) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SendResponse(TranscriptEvent accepted, List<TranscriptEvent> replies) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessagesResponse(ConversationStatus state, List<TranscriptEvent> messages) {
    }
}
