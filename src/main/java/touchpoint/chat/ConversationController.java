package touchpoint.chat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.json.tree.JsonNode;
import touchpoint.infra.JsonRequests;
import jakarta.validation.constraints.Min;
import touchpoint.chat.ConversationApi.MessagesResponse;
import touchpoint.chat.ConversationApi.SendRequest;
import touchpoint.chat.ConversationApi.SendResponse;
import touchpoint.chat.ConversationApi.StartRequest;
import touchpoint.chat.ConversationApi.StartResponse;

/**
 * The customer API. The conversation token is the customer's only key; a wrong token and an unknown
 * conversation both answer 404, so the API never tells whether a conversation exists.
 */
@Controller("/api/conversations")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Customer")
class ConversationController {

    private final ChatService chat;
    private final JsonRequests requests;

    ConversationController(ChatService chat, JsonRequests requests) {
        this.chat = chat;
        this.requests = requests;
    }

    @Post
    @Operation(summary = "Start a conversation; the response holds the bearer token and the greeting, and contactId when a signed identity matched")
    HttpResponse<StartResponse> start(@Body @Nullable JsonNode body) {
        StartRequest r = body == null ? new StartRequest(null, null, null, null, null, null, null)
                : requests.read(body, StartRequest.class);
        ChatService.Started started = chat.start(r.touchpoint(), r.locale(), r.claim());
        return HttpResponse.created(new StartResponse(started.id(), started.token(), started.state(), started.messages(),
                started.contactId()));
    }

    @Post("/{id}/messages")
    @Operation(summary = "Send a customer message; returns the stored message and the bot's replies")
    SendResponse send(String id, @Nullable @Header("Authorization") String authorization, @Body @Nullable JsonNode body) {
        String token = BearerToken.from(authorization);
        SendRequest request = requests.read(body, SendRequest.class);
        return chat.send(id, token, request.clientMessageId(), request.text().strip())
                .map(sent -> new SendResponse(sent.accepted(), sent.replies()))
                .orElseThrow(ConversationNotFound::forToken);
    }

    @Get("/{id}/messages{?after}")
    @Operation(summary = "Messages after a sequence number (0 for all), with the conversation's state")
    MessagesResponse messages(String id, @Nullable @Header("Authorization") String authorization,
                              @Nullable @QueryValue @Min(0) Long after) {
        String token = BearerToken.from(authorization);
        return chat.messages(id, token, after == null ? 0 : after)
                .map(m -> new MessagesResponse(m.state(), m.messages()))
                .orElseThrow(ConversationNotFound::forToken);
    }
}
