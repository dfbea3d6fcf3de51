package touchpoint.channel.email;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import touchpoint.channel.Channel;
import touchpoint.channel.ChannelDirectory;
import touchpoint.channel.ChannelInbox;
import touchpoint.channel.Contact;

/**
 * A widget conversation continued on an email channel, for the customer who is no longer in the widget: the visitor
 * who left a message, the customer a service-recovery follow-up is for. The email thread (subject, reference, the
 * address) is stored first, then the conversation moves onto the channel, so its later events leave as mail to that
 * address and the customer's mailed answers thread back into it.
 */
@Singleton
class WidgetToEmail {

    private final ChannelDirectory channels;
    private final ChannelInbox inbox;
    private final EmailStore store;
    private final EmailInbound inbound;
    private final Clock clock;

    WidgetToEmail(ChannelDirectory channels, ChannelInbox inbox, EmailStore store, EmailInbound inbound, Clock clock) {
        this.channels = channels;
        this.inbox = inbox;
        this.store = store;
        this.inbound = inbound;
        this.clock = clock;
    }

    /** The email channel widget conversations continue on: the first enabled one. */
    Optional<Channel> channel() {
        return channels.list().stream().filter(c -> c.enabled() && EmailChannelType.TYPE.equals(c.type())).findFirst();
    }

    /**
     * Moves the conversation onto the channel; the same call again changes nothing.
     *
     * @param address a canonical address ({@link HeaderValues#canonical}); what the customer typed is written to, not
     *     taken as a verified contact
     * @param keyPrefix names why the thread exists ({@code offline:}, {@code follow-up:}): the channel's external key
     *     is it followed by the conversation id
     */
    void continueOn(String conversationId, Channel channel, String address, String subject, String keyPrefix, @Nullable String name) {
        store.insertThread(conversationId, channel.id(), inbound.newRef(), subject, address, clock.instant());
        inbox.continueOn(conversationId, channel.id(), keyPrefix + conversationId, new Contact(null, address, name));
    }
}
