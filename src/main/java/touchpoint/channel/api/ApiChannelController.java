package touchpoint.channel.api;

import io.micronaut.core.annotation.Nullable;
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
import touchpoint.channel.api.ApiChannelApi.MessageRequest;
import touchpoint.channel.api.ApiChannelApi.MessageResponse;
import touchpoint.infra.JsonRequests;

/**
 * The API channel's inbound side. The channel's API key is the caller's only credential: a wrong key and an unknown
 * channel both answer 401, so the API never tells which channels exist.
 */
@Controller("/api/channels")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "API channel")
class ApiChannelController {

    private final ApiChannelMessages messages;
    private final JsonRequests requests;

    ApiChannelController(ApiChannelMessages messages, JsonRequests requests) {
        this.messages = messages;
        this.requests = requests;
    }

    @Post("/{channelId}/messages")
    @Operation(summary = "Send a customer message with the channel's API key; returns the conversation, the stored message and the bot's replies")
    MessageResponse send(String channelId, @Nullable @Header("Authorization") String authorization, @Body @Nullable JsonNode body) {
        String apiKey = ApiKeys.bearer(authorization);
        messages.authorize(channelId, apiKey);
        MessageRequest request = requests.read(body, MessageRequest.class);
        return messages.send(channelId, request);
    }
}
