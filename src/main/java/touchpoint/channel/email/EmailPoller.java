package touchpoint.channel.email;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.channel.Channel;
import touchpoint.channel.ChannelDirectory;
import touchpoint.channel.ChannelSecrets;

/**
 * Reads every enabled email channel's mailbox on a schedule. Every instance polls; the Message-ID stored once per
 * channel and the chat core's idempotent receive make two instances reading the same mail store it once.
 */
@Singleton
class EmailPoller {

    private static final Logger LOG = LoggerFactory.getLogger(EmailPoller.class);

    private final ChannelDirectory channels;
    private final ChannelSecrets secrets;
    private final ImapMailbox mailbox;
    private final EmailInbound inbound;
    private final EmailConfig config;
    /** A slow mailbox must not stack polls on top of each other in one instance. */
    private final AtomicBoolean polling = new AtomicBoolean();

    EmailPoller(ChannelDirectory channels, ChannelSecrets secrets, ImapMailbox mailbox, EmailInbound inbound, EmailConfig config) {
        this.channels = channels;
        this.secrets = secrets;
        this.mailbox = mailbox;
        this.inbound = inbound;
        this.config = config;
    }

    @Scheduled(fixedDelay = "${touchpoint.email.poll-interval:30s}", initialDelay = "${touchpoint.email.poll-interval:30s}")
    void scheduled() {
        pollAll();
    }

    /** @return mails handled across every channel */
    int pollAll() {
        if (!polling.compareAndSet(false, true)) {
            return 0;
        }
        try {
            int handled = 0;
            for (Channel channel : channels.list()) {
                if (!channel.enabled() || !EmailChannelType.TYPE.equals(channel.type())) {
                    continue;
                }
                handled += poll(channel);
            }
            return handled;
        } finally {
            polling.set(false);
        }
    }

    private int poll(Channel channel) {
        try {
            EmailSettings settings = EmailSettings.of(channel, secrets);
            if (settings.receiving().isEmpty()) {
                return 0;
            }
            return mailbox.poll(settings.imap(), settings.folder(), config.maxPerPoll(), m -> inbound.handle(settings, m));
        } catch (Exception e) {
            // The next poll tries again; an unreachable mailbox must not stop the other channels' polls.
            LOG.warn("email channel={} not polled: {}", channel.id(), e.toString());
            return 0;
        }
    }
}
