package touchpoint.channel.email;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.channel.Channel;
import touchpoint.channel.ChannelInbox;
import touchpoint.channel.ChannelThread;
import touchpoint.chat.ConversationNotFound;
import touchpoint.chat.ConversationSummary;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.contact.Contact;
import touchpoint.contact.Contacts;
import touchpoint.infra.DomainException;
import touchpoint.survey.FollowUpRoutes;

/**
 * A service-recovery follow-up to a widget customer goes by email when their address is known and an email channel is
 * enabled: the conversation continues on that channel as a message left in the widget does, so the follow-up, the
 * agent's later replies and the customer's mailed answers all go by mail in one thread. The address is the
 * conversation's contact's (a verified sender, a signed site user's profile), else the one the visitor gave in the
 * "leave a message" form. Conversations of other channels keep their channel; without an address or an enabled email
 * channel the follow-up stays in the widget, and the route says why.
 */
@Singleton
class FollowUpByEmail implements FollowUpRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpByEmail.class);
    static final String KEY_PREFIX = "follow-up:";
    static final String SUBJECT = "Following up on your conversation with us";
    static final String NO_ADDRESS = "No email address is known for this customer: the follow-up waits in the chat widget "
            + "until they come back.";
    static final String NO_CHANNEL = "No email channel is enabled: the follow-up waits in the chat widget until the customer "
            + "comes back.";
    static final String BY_EMAIL = "The conversation continues by email: this follow-up, your later replies and the customer's "
            + "answers go by mail.";

    private final Transcript transcript;
    private final Contacts contacts;
    private final ChannelInbox inbox;
    private final EmailStore store;
    private final WidgetToEmail widgetToEmail;

    FollowUpByEmail(Transcript transcript, Contacts contacts, ChannelInbox inbox, EmailStore store, WidgetToEmail widgetToEmail) {
        this.transcript = transcript;
        this.contacts = contacts;
        this.inbox = inbox;
        this.store = store;
        this.widgetToEmail = widgetToEmail;
    }

    private record Plan(Route route, @Nullable Channel moveTo, @Nullable Address address) {
    }

    private record Address(String address, @Nullable String name) {
    }

    @Override
    public Route plan(String conversationId) {
        return plan(conversation(conversationId)).route();
    }

    @Override
    public Route take(String conversationId) {
        ConversationSummary conversation = conversation(conversationId);
        Plan plan = plan(conversation);
        if (plan.moveTo() == null) {
            return plan.route();
        }
        try {
            widgetToEmail.continueOn(conversationId, plan.moveTo(), plan.address().address(), SUBJECT, KEY_PREFIX, plan.address().name());
            LOG.info("recovery follow-up conversation={} continues by email on channel={}", conversationId, plan.moveTo().id());
            return plan.route();
        } catch (DomainException e) {
            // Switched off or mapped elsewhere a moment ago: the follow-up still goes, through the conversation's own way.
            LOG.warn("recovery follow-up conversation={} stays in the widget: {}", conversationId, e.detail());
            return Route.of(conversation.channelType());
        }
    }

    private ConversationSummary conversation(String conversationId) {
        return transcript.conversation(conversationId).orElseThrow(ConversationNotFound::new);
    }

    private Plan plan(ConversationSummary conversation) {
        if (EmailChannelType.TYPE.equals(conversation.channelType())) {
            Optional<String> to = store.findById(conversation.id()).map(EmailThreadRow::customer)
                    .or(() -> inbox.thread(conversation.id()).map(ChannelThread::contact).map(touchpoint.channel.Contact::email));
            return new Plan(new Route(EmailChannelType.TYPE, to.map(FollowUpByEmail::masked).orElse(null), null), null, null);
        }
        if (!Channel.WEB.equals(conversation.channelType())) {
            return new Plan(Route.of(conversation.channelType()), null, null);
        }
        Optional<Address> address = address(conversation.id());
        if (address.isEmpty()) {
            return new Plan(new Route(Channel.WEB, null, NO_ADDRESS), null, null);
        }
        Optional<Channel> channel = widgetToEmail.channel();
        if (channel.isEmpty()) {
            return new Plan(new Route(Channel.WEB, null, NO_CHANNEL), null, null);
        }
        return new Plan(new Route(EmailChannelType.TYPE, masked(address.get().address()), BY_EMAIL), channel.get(), address.get());
    }

    /** The contact's address first (it says who the customer is), else the latest one typed into the offline form. */
    private Optional<Address> address(String conversationId) {
        Optional<Contact> contact = contacts.contactOf(conversationId).flatMap(contacts::find).filter(c -> c.erasedAt() == null);
        Optional<String> name = contact.map(Contact::name).filter(n -> !n.isBlank()).map(String::strip);
        Optional<String> fromContact = contact.map(Contact::email).flatMap(FollowUpByEmail::valid);
        if (fromContact.isPresent()) {
            return Optional.of(new Address(fromContact.get(), name.orElse(null)));
        }
        List<TranscriptEvent> events = transcript.events(conversationId);
        for (int i = events.size() - 1; i >= 0; i--) {
            TranscriptEvent e = events.get(i);
            if (e.type() == EventType.OFFLINE_MESSAGE_LEFT) {
                Optional<String> given = e.data(EventData.OfflineMessageLeft.class).map(EventData.OfflineMessageLeft::email)
                        .flatMap(FollowUpByEmail::valid);
                if (given.isPresent()) {
                    return Optional.of(new Address(given.get(), name.orElse(null)));
                }
            }
        }
        return Optional.empty();
    }

    /** One plain mailbox in canonical form; anything else (an erased "[erased]", a typo) is no address. */
    private static Optional<String> valid(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HeaderValues.canonical(HeaderValues.address("email", raw.strip())));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    /** Enough for the agent to recognise the mailbox, not enough to read it off a shared screen: {@code b***@example.org}. */
    static String masked(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
