package touchpoint.channel.email;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.channel.Channel;
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

    private final WidgetToEmail widgetToEmail;

    OfflineMessageByEmail(WidgetToEmail widgetToEmail) {
        this.widgetToEmail = widgetToEmail;
    }

    @EventListener
    void on(TranscriptAppended appended) {
        if (appended.event().type() != EventType.OFFLINE_MESSAGE_LEFT || !Channel.WEB.equals(appended.conversation().channelId())) {
            return;
        }
        String conversationId = appended.conversation().id();
        Optional<Channel> channel = widgetToEmail.channel();
        if (channel.isEmpty()) {
            LOG.info("offline message conversation={} stays in the widget: no email channel is enabled", conversationId);
            return;
        }
        try {
            String email = HeaderValues.canonical(HeaderValues.address("email",
                    appended.event().data(EventData.OfflineMessageLeft.class).orElseThrow().email()));
            widgetToEmail.continueOn(conversationId, channel.get(), email, "Your message to us", KEY_PREFIX, null);
            LOG.info("offline message conversation={} continues by email on channel={}", conversationId, channel.get().id());
        } catch (DomainException e) {
            LOG.warn("offline message conversation={} stays in the widget: {}", conversationId, e.detail());
        }
    }
}
