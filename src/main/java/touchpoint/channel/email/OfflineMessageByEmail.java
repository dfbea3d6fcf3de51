package touchpoint.channel.email;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.channel.Channel;
import touchpoint.channel.ChannelDirectory;
import touchpoint.channel.ChannelInbox;
import touchpoint.channel.Contact;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.TranscriptAppended;
import touchpoint.infra.DomainException;

/**
 * The widget's "leave a message" form becomes an email conversation: once the offline message is stored, the widget
 * conversation continues on the first enabled email channel, so the agent's reply in the console leaves as mail to
 * the address the customer gave, and the customer's mailed answer comes back into the same conversation.
 *
 * <p>With no email channel enabled nothing changes: the request waits in the queue with the address, and the agent
 * answers from their own mail client, as before channels existed. The address is what the visitor typed, unverified:
 * it is written to, never taken as the conversation's contact.
 */
@Singleton
class OfflineMessageByEmail {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineMessageByEmail.class);
    static final String KEY_PREFIX = "offline:";

    private final ChannelDirectory channels;
    private final ChannelInbox inbox;
    private final EmailStore store;
    private final EmailInbound inbound;
    private final Clock clock;

    OfflineMessageByEmail(ChannelDirectory channels, ChannelInbox inbox, EmailStore store, EmailInbound inbound, Clock clock) {
        this.channels = channels;
        this.inbox = inbox;
        this.store = store;
        this.inbound = inbound;
        this.clock = clock;
    }

    @EventListener
    void on(TranscriptAppended appended) {
        if (appended.event().type() != EventType.OFFLINE_MESSAGE_LEFT || !Channel.WEB.equals(appended.conversation().channelId())) {
            return;
        }
        String conversationId = appended.conversation().id();
        Optional<Channel> channel = channels.list().stream()
                .filter(c -> c.enabled() && EmailChannelType.TYPE.equals(c.type()))
                .findFirst();
        if (channel.isEmpty()) {
            LOG.info("offline message conversation={} stays in the widget: no email channel is enabled", conversationId);
            return;
        }
        try {
            String email = HeaderValues.canonical(HeaderValues.address("email",
                    appended.event().data(EventData.OfflineMessageLeft.class).orElseThrow().email()));
            store.insertThread(conversationId, channel.get().id(), inbound.newRef(), "Your message to us", email, clock.instant());
            inbox.continueOn(conversationId, channel.get().id(), KEY_PREFIX + conversationId, new Contact(null, email, null));
            LOG.info("offline message conversation={} continues by email on channel={}", conversationId, channel.get().id());
        } catch (DomainException e) {
            LOG.warn("offline message conversation={} stays in the widget: {}", conversationId, e.detail());
        }
    }
}
