package touchpoint.channel.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import touchpoint.channel.Contact;
import touchpoint.chat.TranscriptEvent;

/** The {@code data} of each webhook type; every one names the conversation both ways and the contact. */
final class WebhookData {

    private WebhookData() {
    }

    /** A bot, agent or system message: the message as the customer API shows it (text, html, options, survey). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageCreated(String conversationId, String externalConversationId, Contact contact, TranscriptEvent message) {
    }

    /** @param state BOT, WAITING_FOR_AGENT, WITH_AGENT or RESOLVED, after the event {@code cause} */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StateChanged(String conversationId, String externalConversationId, Contact contact, String state, String cause,
                        long seq) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HandoffRequested(String conversationId, String externalConversationId, Contact contact, @Nullable String reason,
                            @Nullable String team, long seq) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SurveyAnswered(String conversationId, String externalConversationId, Contact contact, String questionId,
                          String questionType, int score, @Nullable String comment, @Nullable String via, long seq) {
    }
}
