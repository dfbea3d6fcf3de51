package touchpoint.handoff;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import touchpoint.chat.ConversationStatus;
import touchpoint.chat.TranscriptEvent;

/** Request and response bodies of the agent, admin and offline-message APIs. */
final class HandoffApi {

    private HandoffApi() {
    }

    @Serdeable
    record PresenceRequest(@NotNull @Pattern(regexp = "online|away|offline", message = "must be online, away or offline") String status) {
    }

    @Serdeable
    record PresenceResponse(String status) {
    }

    @Serdeable
    record QueueEntry(String conversationId, String touchpoint, String team, String reason, Instant requestedAt,
                      long waitingSeconds, int position, boolean offline, @Nullable String email, boolean myTeam) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QueueResponse(List<QueueEntry> waiting, List<MyConversation> mine, String presence) {
    }

    @Serdeable
    record MyConversation(String conversationId, String touchpoint, String team, Instant assignedAt) {
    }

    @Serdeable
    /** {@code clientMessageId} makes a retried send safe: the same id from the same agent is stored once. */
    record ReplyRequest(@NotBlank @Size(max = 4000) String text,
                        @Nullable @Size(min = 1, max = 48) @Pattern(regexp = "[A-Za-z0-9_.-]+",
                                message = "may contain only letters, digits and _ . -") String clientMessageId) {
    }

    @Serdeable
    record TransferRequest(@NotBlank @Size(max = 50) String team, @Nullable @Size(max = 36) String agentId) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConversationView(String id, String touchpoint, String locale, ConversationStatus state, @Nullable String agentId,
                            @Nullable String team, @Nullable String reason, @Nullable Instant requestedAt,
                            @Nullable String offlineEmail, HandoffSummary summary, List<HandoffSummary.SurveyAnswer> surveyAnswers,
                            List<TranscriptEvent> messages, String channel) {
    }

    @Serdeable
    record FaqSnippet(String id, String title, String team, String text) {
    }

    @Serdeable
    record OfflineMessageRequest(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 4000) String text) {
    }

    @Serdeable
    record CreateUserRequest(
            @NotBlank @Size(min = 2, max = 100) @Pattern(regexp = "[A-Za-z0-9_.@-]+", message = "may contain only letters, digits and _ . @ -") String username,
            @NotBlank @Size(min = 10, max = 200) String password,
            @NotBlank @Size(max = 200) String displayName,
            @NotEmpty List<String> roles,
            @Nullable List<String> teams) {
    }
}
