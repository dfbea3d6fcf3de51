package touchpoint.channel.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import touchpoint.chat.TranscriptEvent;

/** Request and response bodies of the API channel; every list in a response is present, empty when there is nothing. */
final class ApiChannelApi {

    private ApiChannelApi() {
    }

    @Serdeable
    record ContactRequest(@Nullable @Size(max = 200) String externalId, @Nullable @Email @Size(max = 320) String email,
                          @Nullable @Size(max = 200) String name) {
    }

    @Serdeable
    record MessageRequest(
            @NotBlank @Size(max = 300) String externalConversationId,
            @Nullable @Valid ContactRequest contact,
            @Nullable @Size(min = 1, max = 100) @Pattern(regexp = "[A-Za-z0-9_.:-]+", message = "may contain only letters, digits and _ . : -") String clientMessageId,
            @NotBlank @Size(max = 2000) String text) {
    }

    /**
     * @param accepted the stored customer message
     * @param replies what the bot (or the queue) answered in the same turn; agents' later messages come as webhooks
     */
    @Serdeable
    record MessageResponse(String conversationId, TranscriptEvent accepted, List<TranscriptEvent> replies) {
    }
}
