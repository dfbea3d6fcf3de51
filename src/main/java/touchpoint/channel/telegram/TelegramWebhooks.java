package touchpoint.channel.telegram;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.channel.Channel;
import touchpoint.channel.telegram.TelegramRepositories.WebhookRepository;
import touchpoint.channel.telegram.TelegramRepositories.WebhookRow;

/**
 * A Telegram channel's webhook as the channel says it should be: registered ({@code setWebhook} with the channel's
 * secret token and the two update types it handles) while it is enabled, deleted once it is switched off. The
 * registration last made is kept per channel ({@code telegram_webhook}), so Telegram is called only when something
 * changed, admins can read the outcome, and {@link TelegramWebhookSync} can make again a call that failed.
 */
@Singleton
class TelegramWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhooks.class);
    /** A registration that failed (a revoked token, Telegram unreachable) is tried again this often, not on every pass. */
    private static final Duration RETRY_FAILED = Duration.ofMinutes(1);

    private final TelegramKeys keys;
    private final TelegramClient client;
    private final WebhookRepository webhooks;
    private final TelegramConfig config;
    private final Clock clock;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    TelegramWebhooks(TelegramKeys keys, TelegramClient client, WebhookRepository webhooks, TelegramConfig config, Clock clock) {
        this.keys = keys;
        this.client = client;
        this.webhooks = webhooks;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param webhookUrl where Telegram is told to send updates; absent while the channel is off or has no address
     * @param upToDate Telegram has the registration the channel asks for
     * @param lastError why Telegram refused the last call, if it did
     */
    @Serdeable
    record Status(String channelId, @Nullable String botUsername, boolean enabled, @Nullable String webhookUrl,
                  boolean registered, boolean upToDate, @Nullable String lastError, @Nullable Instant checkedAt) {
    }

    /** The webhook address of a channel: its own base URL, or the service's. */
    Optional<String> webhookUrl(Channel channel) {
        return channel.setting(TelegramChannelType.PUBLIC_BASE_URL).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(config.publicBaseUrl()).filter(s -> !s.isBlank()))
                .map(base -> (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                        + "/api/channels/" + channel.id() + "/telegram");
    }

    /**
     * Brings one channel's registration in line with it and returns the outcome; {@code force} calls Telegram even when
     * nothing changed. A refusal is recorded and returned, not thrown.
     */
    Status sync(Channel channel, boolean force) {
        // One call at a time per channel in this instance; another instance's call is the same idempotent one.
        synchronized (lock(channel.id())) {
            return syncNow(channel, force);
        }
    }

    private Object lock(String channelId) {
        return locks.computeIfAbsent(channelId, id -> new Object());
    }

    private Status syncNow(Channel channel, boolean force) {
        Optional<WebhookRow> last = webhooks.findById(channel.id());
        Optional<String> url = channel.enabled() ? webhookUrl(channel) : Optional.empty();
        boolean wanted = url.isPresent();
        if (!force && last.isPresent() && settled(last.get(), channel, wanted, url.orElse(null))) {
            return status(channel, last.get());
        }
        Optional<String> token = keys.botToken(channel);
        String error = null;
        boolean registered = last.map(WebhookRow::registered).orElse(false);
        try {
            if (token.isEmpty()) {
                error = "the channel has no bot token";
            } else if (wanted) {
                String secret = keys.webhookSecret(channel).orElseThrow(() -> new IllegalStateException("no webhook secret"));
                client.setWebhook(token.get(), url.get(), secret);
                registered = true;
                LOG.info("telegram webhook registered channel={}", channel.id());
            } else if (registered || force || last.isEmpty()) {
                client.deleteWebhook(token.get());
                registered = false;
                LOG.info("telegram webhook deleted channel={}", channel.id());
            }
        } catch (TelegramApiException e) {
            error = e.getMessage().length() > 500 ? e.getMessage().substring(0, 500) : e.getMessage();
            LOG.warn("telegram webhook not {} channel={} code={}", wanted ? "registered" : "deleted", channel.id(), e.errorCode());
        }
        WebhookRow row = new WebhookRow(channel.id(), wanted ? url.get() : null, registered,
                error == null ? channel.updatedAt() : last.map(WebhookRow::channelVersion).orElse(Instant.EPOCH), error, clock.instant());
        if (last.isEmpty()) {
            webhooks.insertIfAbsent(channel.id(), Instant.EPOCH);
        }
        webhooks.update(row);
        return status(channel, row);
    }

    Status status(Channel channel) {
        return webhooks.findById(channel.id()).map(row -> status(channel, row))
                .orElseGet(() -> new Status(channel.id(), channel.setting("botUsername").orElse(null), channel.enabled(),
                        null, false, false, null, null));
    }

    private boolean settled(WebhookRow row, Channel channel, boolean wanted, String url) {
        if (row.lastError() != null) {
            // Tried again after a while, or at once when an admin changed the channel since (a corrected token).
            return channel.updatedAt().isBefore(row.checkedAt()) && row.checkedAt().isAfter(clock.instant().minus(RETRY_FAILED));
        }
        return row.channelVersion().equals(channel.updatedAt()) && row.registered() == wanted && Objects.equals(row.url(), url);
    }

    private Status status(Channel channel, WebhookRow row) {
        boolean wanted = channel.enabled() && webhookUrl(channel).isPresent();
        boolean upToDate = row.lastError() == null && row.registered() == wanted && row.channelVersion().equals(channel.updatedAt());
        return new Status(channel.id(), channel.setting("botUsername").orElse(null), channel.enabled(), row.url(), row.registered(),
                upToDate, row.lastError(), row.checkedAt());
    }
}
