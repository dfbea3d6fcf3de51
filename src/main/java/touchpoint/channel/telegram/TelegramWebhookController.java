package touchpoint.channel.telegram;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import touchpoint.channel.Channel;
import touchpoint.channel.ChannelDirectory;
import touchpoint.infra.Forbidden;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.Unauthenticated;

/**
 * Telegram's webhook for one channel. Telegram signs nothing: it sends back, in {@code X-Telegram-Bot-Api-Secret-Token},
 * the secret the channel registered with {@code setWebhook}, and that header is checked on every call before the body
 * is read. Without it the answer is 401; with a wrong one, or for a channel that does not exist, is not a Telegram
 * channel or is switched off, 403 after the same comparison, so the answer does not tell which.
 */
@Controller("/api/channels/{channelId}/telegram")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Channels")
class TelegramWebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Compared against when there is no channel, so an unknown channel costs what a wrong secret does. */
    private static final byte[] NO_SECRET = digest("no channel has this secret");

    private final ChannelDirectory channels;
    private final TelegramKeys keys;
    private final TelegramUpdates updates;
    private final JsonMapper json;

    TelegramWebhookController(ChannelDirectory channels, TelegramKeys keys, TelegramUpdates updates, JsonMapper json) {
        this.channels = channels;
        this.keys = keys;
        this.updates = updates;
        this.json = json;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @Operation(summary = "Telegram's webhook: one Update, authenticated by the channel's secret token header")
    HttpResponse<Void> receive(String channelId, @Nullable @Header(SECRET_HEADER) String secretToken, @Body @Nullable byte[] body) {
        Channel channel = authenticate(channelId, secretToken);
        TelegramTypes.Update update = parse(body);
        updates.handle(channel, update);
        return HttpResponse.ok();
    }

    private Channel authenticate(String channelId, String presented) {
        if (presented == null || presented.isEmpty()) {
            throw new Unauthenticated(SECRET_HEADER, "is required");
        }
        Optional<Channel> channel = channels.find(channelId)
                .filter(c -> TelegramChannelType.TYPE.equals(c.type()) && c.enabled());
        Optional<String> expected = channel.flatMap(keys::webhookSecret);
        // Digests first: MessageDigest.isEqual is constant-time only for inputs of equal length.
        boolean equal = MessageDigest.isEqual(digest(presented), expected.map(TelegramWebhookController::digest).orElse(NO_SECRET));
        if (!equal || expected.isEmpty()) {
            throw new Forbidden(SECRET_HEADER, "does not match this channel's secret token");
        }
        return channel.get();
    }

    private TelegramTypes.Update parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidRequest("the body must be a Telegram Update");
        }
        TelegramTypes.Update update;
        try {
            update = json.readValue(body, TelegramTypes.Update.class);
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequest("the body must be a Telegram Update (JSON)");
        }
        if (update == null || update.updateId() == null) {
            throw new InvalidRequest("update_id", "is required");
        }
        return update;
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
