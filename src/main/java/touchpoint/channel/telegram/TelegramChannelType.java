package touchpoint.channel.telegram;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import touchpoint.channel.Channel;
import touchpoint.channel.ChannelFields;
import touchpoint.channel.ChannelSetup;
import touchpoint.channel.ChannelType;
import touchpoint.channel.Delivery;
import touchpoint.channel.Outbound;
import touchpoint.chat.EventType;
import touchpoint.infra.Ids;
import touchpoint.infra.InvalidRequest;

/**
 * Telegram bots in webhook mode. An admin creates a channel with the bot's token from BotFather; the token is checked
 * with {@code getMe} and kept encrypted, and a random webhook secret is made for the channel. {@link TelegramWebhooks}
 * then registers the webhook with Telegram (and deletes it when the channel is switched off); updates arrive at
 * {@link TelegramWebhookController}, and the conversation's messages go back through {@link TelegramDelivery}.
 *
 * <p>Fields: {@code botToken} (required on creation, never shown again), {@code publicBaseUrl} (this service's https
 * address as Telegram reaches it; defaults to {@code touchpoint.channels.telegram.public-base-url}) and
 * {@code touchpoint} (what the channel's conversations are filed under in analytics).
 */
@Singleton
class TelegramChannelType implements ChannelType {

    static final String TYPE = "telegram";
    static final String BOT_TOKEN = "botToken";
    static final String WEBHOOK_SECRET = "webhookSecret";
    static final String PUBLIC_BASE_URL = "publicBaseUrl";
    static final String TOPIC_MESSAGE = "message";
    /** A survey question was closed: the buttons under it are taken away. */
    static final String TOPIC_CLOSE_SURVEY = "close_survey";

    private final TelegramConfig config;
    private final TelegramClient client;
    /**
     * Looked up when first used: the transcript builds the channel outbox, which builds the channel directory and with
     * it every channel type, and delivery reads the transcript.
     */
    private final Provider<TelegramDelivery> delivery;
    private final TelegramWebhooks webhooks;
    private final Ids ids;

    TelegramChannelType(TelegramConfig config, TelegramClient client, Provider<TelegramDelivery> delivery, TelegramWebhooks webhooks,
                        Ids ids) {
        this.config = config;
        this.client = client;
        this.delivery = delivery;
        this.webhooks = webhooks;
        this.ids = ids;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public List<String> secretNames() {
        return List.of(BOT_TOKEN, WEBHOOK_SECRET);
    }

    @Override
    public void configure(ChannelFields fields, ChannelSetup setup) {
        Optional<String> token = fields.string(BOT_TOKEN);
        if (fields.creating() && token.isEmpty()) {
            throw new InvalidRequest(BOT_TOKEN, "is required: the token BotFather gave the bot");
        }
        if (token.isPresent()) {
            TelegramTypes.User bot = checkedBot(token.get());
            setup.secret(BOT_TOKEN, token.get());
            setup.setting("botId", bot.id());
            setup.setting("botUsername", bot.username());
        }
        Optional<String> base = fields.string(PUBLIC_BASE_URL);
        if (base.isPresent()) {
            setup.setting(PUBLIC_BASE_URL, checkedBaseUrl(base.get()));
        } else if (fields.creating() && blank(config.publicBaseUrl())) {
            throw new InvalidRequest(PUBLIC_BASE_URL, "is required: this service's https address as Telegram reaches it "
                    + "(or set TOUCHPOINT_CHANNELS_TELEGRAM_PUBLIC_BASE_URL)");
        }
        fields.string("touchpoint").ifPresent(tp -> {
            if (!tp.matches("[A-Za-z0-9_./:-]{1,100}")) {
                throw new InvalidRequest("touchpoint", "may contain only letters, digits and _ . / : -");
            }
            setup.setting("touchpoint", tp);
        });
        boolean hasSecret = fields.existing().map(c -> c.secrets().contains(WEBHOOK_SECRET)).orElse(false);
        if (!hasSecret) {
            // 43 characters of A-Z a-z 0-9 _ -: what setWebhook accepts as secret_token (1-256 of those).
            setup.secret(WEBHOOK_SECRET, ids.newToken());
        }
    }

    @Override
    public List<String> deliveries(Outbound outbound) {
        List<String> topics = new ArrayList<>();
        if (!TelegramRendering.render(outbound.event()).isEmpty()) {
            topics.add(TOPIC_MESSAGE);
        }
        EventType type = outbound.event().type();
        if (type == EventType.SURVEY_ANSWERED || type == EventType.SURVEY_SKIPPED || type == EventType.SURVEY_EXPIRED) {
            topics.add(TOPIC_CLOSE_SURVEY);
        }
        return topics;
    }

    @Override
    public void deliver(Delivery d) throws Exception {
        delivery.get().deliver(d);
    }

    /**
     * Registers the webhook now, so the admin who created or changed the channel learns at once when Telegram refuses
     * it (the create or update is then undone).
     */
    @Override
    public void activated(Channel channel) {
        TelegramWebhooks.Status status = webhooks.sync(channel, true);
        if (!status.registered() || status.lastError() != null) {
            throw new InvalidRequest(PUBLIC_BASE_URL, "Telegram did not register the webhook "
                    + status.webhookUrl() + ": " + status.lastError());
        }
    }

    /** Deletes the webhook; when Telegram cannot be reached now, {@link TelegramWebhookSync} deletes it later. */
    @Override
    public void deactivated(Channel channel) {
        webhooks.sync(channel, true);
    }

    private TelegramTypes.User checkedBot(String token) {
        if (!TelegramClient.TOKEN.matcher(token).matches()) {
            throw new InvalidRequest(BOT_TOKEN, "is not a bot token as BotFather gives it (digits, a colon, then letters, digits, _ and -)");
        }
        try {
            TelegramTypes.User bot = client.getMe(token);
            if (bot == null || bot.id() == null) {
                throw new InvalidRequest(BOT_TOKEN, "Telegram did not say which bot this token belongs to");
            }
            return bot;
        } catch (TelegramApiException e) {
            throw new InvalidRequest(BOT_TOKEN, e.retryable()
                    ? "could not be checked: Telegram did not answer (" + e.errorCode() + "); try again"
                    : "was refused by Telegram (" + e.errorCode() + ")");
        }
    }

    /** Telegram calls webhooks over https only; plain http is accepted for a loopback address, where tests run. */
    private static String checkedBaseUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new InvalidRequest(PUBLIC_BASE_URL, "must be an absolute https URL without user, query or fragment");
            }
            if (!scheme.equals("https") && !(scheme.equals("http") && loopback(uri.getHost()))) {
                throw new InvalidRequest(PUBLIC_BASE_URL, "must be https: Telegram sends updates to https addresses only");
            }
            return stripSlash(value);
        } catch (URISyntaxException e) {
            throw new InvalidRequest(PUBLIC_BASE_URL, "must be an absolute https URL");
        }
    }

    /** Decided from the name alone: an admin's input is never looked up in DNS. */
    private static boolean loopback(String host) {
        return host.equalsIgnoreCase("localhost") || host.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}")
                || host.equals("[::1]");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
