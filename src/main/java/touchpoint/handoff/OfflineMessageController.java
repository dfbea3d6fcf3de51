package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import touchpoint.handoff.HandoffApi.OfflineMessageRequest;
import touchpoint.chat.ChatService;
import touchpoint.chat.ConversationNotFound;
import touchpoint.infra.JsonRequests;

/**
 * When nobody is online the customer leaves an email address and a message. Authorised like the rest of the
 * customer API: by the conversation token, with a wrong token and an unknown conversation both answering 404.
 */
@Controller("/api/conversations")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Customer")
class OfflineMessageController {

    private final Escalations handoff;
    private final JsonRequests requests;
    private final ChatService chat;

    OfflineMessageController(Escalations handoff, JsonRequests requests, ChatService chat) {
        this.chat = chat;
        this.handoff = handoff;
        this.requests = requests;
    }

    @Post("/{id}/offline-message")
    @Operation(summary = "Leave a message and an email address for when an agent is back")
    HttpResponse<?> leave(String id, @Nullable @Header("Authorization") String authorization, @Body @Nullable JsonNode body) {
        String token = chat.authorize(id, authorization);
        OfflineMessageRequest r = requests.read(body, OfflineMessageRequest.class);
        if (!handoff.leaveOfflineMessage(id, token, r.email().strip(), r.text().strip())) {
            throw ConversationNotFound.forToken();
        }
        return HttpResponse.accepted().body(Map.of("state", "WAITING_FOR_AGENT"));
    }
}
