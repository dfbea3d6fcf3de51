package touchpoint.channel.api;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.channel.ChannelInbox;
import touchpoint.channel.ChannelSecrets;
import touchpoint.channel.ChannelThread;
import touchpoint.channel.Contact;
import touchpoint.channel.api.ApiChannelApi.MessageRequest;
import touchpoint.channel.api.ApiChannelApi.MessageResponse;
import touchpoint.contact.Contacts;
import touchpoint.contact.Identity;
import touchpoint.contact.IdentityConflict;
import touchpoint.infra.Unauthenticated;

/** A message sent through an API channel: the key checked, then the same turn as every channel's. */
@Singleton
class ApiChannelMessages {

    private final ChannelSecrets secrets;
    private static final Logger LOG = LoggerFactory.getLogger(ApiChannelMessages.class);

    private final ChannelInbox inbox;
    private final Contacts contacts;

    ApiChannelMessages(ChannelSecrets secrets, ChannelInbox inbox, Contacts contacts) {
        this.secrets = secrets;
        this.inbox = inbox;
        this.contacts = contacts;
    }

    /** Refuses a key that is not this channel's API key; an unknown channel is refused the same way, after the same work. */
    void authorize(String channelId, String apiKey) {
        if (!secrets.matches(channelId, ApiChannelType.API_KEY, apiKey)) {
            throw new Unauthenticated("This API key does not open this channel");
        }
    }

    MessageResponse send(String channelId, MessageRequest r) {
        Contact contact = r.contact() == null ? null : new Contact(blankToNull(r.contact().externalId()),
                blankToNull(r.contact().email()), blankToNull(r.contact().name()));
        ChannelInbox.Received received = inbox.receive(new ChannelInbox.Inbound(channelId, r.externalConversationId().strip(),
                r.clientMessageId(), r.text().strip(), null, contact));
        if (received.started() || received.contactChanged()) {
            identify(channelId, received.thread());
        }
        return new MessageResponse(received.thread().conversationId(), received.accepted(), received.replies());
    }

    /**
     * The caller is authenticated by the channel's key, so its external id for the customer is a verified identity,
     * scoped to this channel (the same id in another channel is another person); name and email are profile hints.
     */
    private void identify(String channelId, ChannelThread thread) {
        Contact c = thread.contact();
        if (c.externalId() == null) {
            return;
        }
        try {
            contacts.identify(thread.conversationId(), Identity.externalId(channelId, c.externalId()).named(c.name()).withEmail(c.email()));
        } catch (IdentityConflict e) {
            // The message is stored and answered already; a conflicting id must not turn that into an error.
            LOG.warn("api channel {} conversation {}: external id not recorded: {}", channelId, thread.conversationId(), e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
