package touchpoint.channel.telegram;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * @param apiBaseUrl where the Bot API is reached; tests point it at a fake server
 * @param publicBaseUrl this service's address as Telegram reaches it (https, port 443, 80, 88 or 8443); the
 *                      webhook is {@code <publicBaseUrl>/api/channels/<id>/telegram}. Unset: a channel cannot be
 *                      enabled, because Telegram would have nowhere to send updates
 * @param requestTimeout one Bot API call, connect and answer
 * @param maxAttempts tries of one call before it is given back to the delivery queue (transport errors, 5xx, 429)
 * @param maxRetryAfter the longest {@code retry_after} waited for in place; a longer flood wait is left to the
 *                      delivery queue, which tries again after it without holding a thread
 * @param textOnlyReply the answer to a photo, sticker, voice note or file: the bot reads text only
 * @param updateRetention how long received {@code update_id}s are remembered to drop Telegram's repeats
 */
@ConfigurationProperties("touchpoint.channels.telegram")
public record TelegramConfig(
        @Bindable(defaultValue = "https://api.telegram.org") String apiBaseUrl,
        @Nullable String publicBaseUrl,
        @Bindable(defaultValue = "10s") Duration requestTimeout,
        @Bindable(defaultValue = "4") int maxAttempts,
        @Bindable(defaultValue = "30s") Duration maxRetryAfter,
        @Bindable(defaultValue = "Sorry, I can only read text messages. Please type your question.") String textOnlyReply,
        @Bindable(defaultValue = "7d") Duration updateRetention) {
}
