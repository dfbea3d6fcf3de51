package touchpoint.channel.telegram;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.channel.Channel;
import touchpoint.channel.ChannelDirectory;
import touchpoint.channel.telegram.TelegramRepositories.UpdateRepository;

/**
 * The safety net behind the admin hooks: now and then every Telegram channel's webhook is compared with what was last
 * told to Telegram and put right (a deletion Telegram did not answer when the channel was switched off, a public
 * address changed in the configuration), and update ids older than the retention are forgotten. Any instance may run
 * it: the calls are idempotent.
 */
@Singleton
class TelegramWebhookSync {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhookSync.class);

    private final ChannelDirectory channels;
    private final TelegramWebhooks webhooks;
    private final UpdateRepository updates;
    private final TelegramConfig config;
    private final Clock clock;

    TelegramWebhookSync(ChannelDirectory channels, TelegramWebhooks webhooks, UpdateRepository updates, TelegramConfig config,
                        Clock clock) {
        this.channels = channels;
        this.webhooks = webhooks;
        this.updates = updates;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${touchpoint.channels.telegram.webhook-sync-interval:1m}",
            initialDelay = "${touchpoint.channels.telegram.webhook-sync-interval:1m}")
    void syncAll() {
        for (Channel channel : channels.list()) {
            if (TelegramChannelType.TYPE.equals(channel.type())) {
                try {
                    webhooks.sync(channel, false);
                } catch (RuntimeException e) {
                    LOG.warn("telegram webhook sync failed channel={} reason={}", channel.id(), e.toString());
                }
            }
        }
        long forgotten = updates.deleteReceivedBefore(clock.instant().minus(config.updateRetention()));
        if (forgotten > 0) {
            LOG.info("telegram update ids forgotten count={}", forgotten);
        }
    }
}
