package touchpoint.channel.telegram;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.channel.Channel;
import touchpoint.channel.ChannelDirectory;
import touchpoint.channel.telegram.TelegramRepositories.UpdateRepository;
import touchpoint.channel.telegram.TelegramRepositories.WebhookRepository;
import touchpoint.channel.telegram.TelegramRepositories.WebhookRow;

/**
 * Keeps each Telegram channel's webhook as the channel says: registered ({@code setWebhook} with the channel's secret
 * token and the two update types it handles) while it is enabled, deleted once it is switched off. It compares every
 * channel with the registration last made for it and calls Telegram only when they differ (a new channel, a changed
 * token or address, enabled or disabled), so any instance may run it, and a call Telegram refused or never answered is
 * simply made again on a later pass. Admins see the outcome at {@code GET /api/admin/channels/{id}/telegram}.
 */
@Singleton
class TelegramWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhooks.class);
    /** A registration that failed (a revoked token, Telegram unreachable) is tried again this often, not on every pass. */
    private static final Duration RETRY_FAILED = Duration.ofMinutes(1);

    private final ChannelDirectory channels;
    private final TelegramChannelType type;
    private final TelegramKeys keys;
    private final TelegramClient client;
    private final WebhookRepository webhooks;
    private final UpdateRepository updates;
    private final TelegramConfig config;
    private final Clock clock;

    TelegramWebhooks(ChannelDirectory channels, TelegramChannelType type, TelegramKeys keys, TelegramClient client,
                     WebhookRepository webhooks, UpdateRepository updates, TelegramConfig config, Clock clock) {
        this.channels = channels;
        this.type = type;
        this.keys = keys;
        this.client = client;
        this.webhooks = webhooks;
        this.updates = updates;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param webhookUrl where Telegram is told to send updates; absent while the channel is off or has no address
     * @param lastError why Telegram refused the last registration, if it did
     */
    @io.micronaut.serde.annotation.Serdeable
    record Status(String channelId, @Nullable String botUsername, boolean enabled, @Nullable String webhookUrl,
                  boolean registered, boolean upToDate, @Nullable String lastError, @Nullable Instant checkedAt) {
    }

    @Scheduled(fixedDelay = "${touchpoint.channels.telegram.webhook-sync-interval:10s}",
            initialDelay = "${touchpoint.channels.telegram.webhook-sync-interval:10s}")
    void syncAll() {
        for (Channel channel : channels.list()) {
            if (TelegramChannelType.TYPE.equals(channel.type())) {
                try {
                    sync(channel, false);
                } catch (RuntimeException e) {
                    LOG.warn("telegram webhook sync failed channel={} reason={}", channel.id(), e.toString());
                }
            }
        }
        updates.deleteReceivedBefore(clock.instant().minus(config.updateRetention()));
    }

    /** Brings one channel's registration in line now; {@code force} calls Telegram even when nothing changed. */
    Status sync(Channel channel, boolean force) {
        Optional<WebhookRow> last = webhooks.findById(channel.id());
        Optional<String> url = channel.enabled() ? type.webhookUrl(channel) : Optional.empty();
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
        if (last.isPresent()) {
            webhooks.update(row);
        } else {
            webhooks.save(row);
        }
        return status(channel, row);
    }

    Status status(Channel channel) {
        return webhooks.findById(channel.id()).map(row -> status(channel, row))
                .orElseGet(() -> new Status(channel.id(), channel.setting("botUsername").orElse(null), channel.enabled(),
                        null, false, false, null, null));
    }

    List<Status> statuses() {
        return channels.list().stream().filter(c -> TelegramChannelType.TYPE.equals(c.type())).map(this::status).toList();
    }

    private boolean settled(WebhookRow row, Channel channel, boolean wanted, String url) {
        if (row.lastError() != null) {
            // Tried again after a while, or at once when an admin changed the channel since (a corrected token).
            return channel.updatedAt().isBefore(row.checkedAt()) && row.checkedAt().isAfter(clock.instant().minus(RETRY_FAILED));
        }
        return row.channelVersion().equals(channel.updatedAt()) && row.registered() == wanted && Objects.equals(row.url(), url);
    }

    private Status status(Channel channel, WebhookRow row) {
        boolean wanted = channel.enabled() && type.webhookUrl(channel).isPresent();
        boolean upToDate = row.lastError() == null && row.registered() == wanted && row.channelVersion().equals(channel.updatedAt());
        return new Status(channel.id(), channel.setting("botUsername").orElse(null), channel.enabled(), row.url(), row.registered(),
                upToDate, row.lastError(), row.checkedAt());
    }
}
