package touchpoint.channel.telegram;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import touchpoint.channel.Channel;
import touchpoint.channel.ChannelSecrets;

/** A channel's bot token and the keys derived from its webhook secret, read through the core's secret store. */
@Singleton
class TelegramKeys {

    private final ChannelSecrets secrets;

    TelegramKeys(ChannelSecrets secrets) {
        this.secrets = secrets;
    }

    Optional<String> botToken(Channel channel) {
        return secrets.reveal(channel, TelegramChannelType.BOT_TOKEN);
    }

    Optional<String> webhookSecret(Channel channel) {
        return secrets.reveal(channel, TelegramChannelType.WEBHOOK_SECRET);
    }

    /**
     * The key that signs this channel's buttons: derived from the webhook secret, so it is as secret as that and needs no
     * column of its own, yet a leaked button never reveals the secret Telegram authenticates with.
     */
    byte[] callbackKey(Channel channel) {
        String secret = webhookSecret(channel).orElseThrow(() ->
                new IllegalStateException("telegram channel " + channel.id() + " has no webhook secret"));
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return hmac.doFinal("touchpoint telegram callback_data".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
