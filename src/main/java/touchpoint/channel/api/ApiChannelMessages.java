package touchpoint.channel.api;

import jakarta.inject.Singleton;
import touchpoint.channel.ChannelInbox;
import touchpoint.channel.ChannelSecrets;
import touchpoint.channel.Contact;
import touchpoint.channel.api.ApiChannelApi.MessageRequest;
import touchpoint.channel.api.ApiChannelApi.MessageResponse;
import touchpoint.infra.Unauthenticated;

/** A message sent through an API channel: the key checked, then the same turn as every channel's. */
@Singleton
class ApiChannelMessages {

    private final ChannelSecrets secrets;
    private final ChannelInbox inbox;

    ApiChannelMessages(ChannelSecrets secrets, ChannelInbox inbox) {
        this.secrets = secrets;
        this.inbox = inbox;
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
        return new MessageResponse(received.thread().conversationId(), received.accepted(), received.replies());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
