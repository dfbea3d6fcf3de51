package touchpoint.contact;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.ConversationNotFound;
import touchpoint.chat.EventData;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Transcript;

/**
 * The contact feature's facade for channels and other features: recognise a conversation's customer by a
 * verified identity, read a contact, set custom attributes. Identifying is an event in the conversation's
 * transcript (CONTACT_IDENTIFIED); the conversation's {@code contact_id} column is its projection.
 */
@Singleton
public class Contacts {

    private static final Logger LOG = LoggerFactory.getLogger(Contacts.class);

    private final ContactBook book;
    private final Transcript transcript;
    private final ContactMerge merge;

    Contacts(ContactBook book, Transcript transcript, ContactMerge merge) {
        this.book = book;
        this.transcript = transcript;
        this.merge = merge;
    }

    /**
     * The conversation's customer is the person with this identity: finds or creates their contact, records
     * CONTACT_IDENTIFIED in the transcript, and when the conversation belonged to an anonymous visitor, moves
     * that visitor's other conversations along (the merge is audited). Calling it again with the same identity
     * changes nothing.
     *
     * @return the contact's id
     * @throws ConversationNotFound when there is no such conversation
     * @throws IdentityConflict when the conversation already belongs to a different verified customer
     */
    public String identify(String conversationId, Identity identity) {
        ContactRow contact = book.resolve(identity);
        String previous = attach(conversationId, contact, identity.kind().name());
        if (previous != null && identity.kind().verified()) {
            merge.mergeAnonymous(previous, contact.id(), "system");
        }
        return contact.id();
    }

    /** The contact a conversation belongs to; empty while it is anonymous. */
    public Optional<String> contactOf(String conversationId) {
        return transcript.contactOf(conversationId);
    }

    /** A contact by id, following merges: a merged visitor's id leads to the contact it went into. */
    public Optional<Contact> find(String contactId) {
        return book.live(contactId).map(book::view);
    }

    /** The contact of an identity, if it was seen before; nothing is created. */
    public Optional<Contact> find(Identity identity) {
        return book.find(identity).map(book::view);
    }

    /**
     * Sets custom attributes (plan, vip, lifetime value...); a blank value removes one. For the API channel and
     * the agents' profile editor.
     */
    public Contact setAttributes(String contactId, Map<String, String> attributes) {
        String live = book.live(contactId).map(ContactRow::id).orElseThrow(ContactNotFound::new);
        return book.view(book.setAttributes(live, attributes));
    }

    /** Ids of the contact's conversations, oldest first. */
    public List<String> conversationsOf(String contactId) {
        return transcript.conversationsOf(contactId).stream().map(c -> c.id()).toList();
    }

    /**
     * Appends CONTACT_IDENTIFIED unless the conversation already is this contact's. Returns the anonymous contact
     * the conversation belonged to before, if any, so its other conversations can follow.
     */
    private String attach(String conversationId, ContactRow contact, String kind) {
        AtomicReference<String> anonymousBefore = new AtomicReference<>();
        transcript.write(conversationId, session -> {
            Optional<String> current = session.state().contactId();
            if (current.isPresent()) {
                String currentLive = book.live(current.get()).map(ContactRow::id).orElse(current.get());
                if (currentLive.equals(contact.id())) {
                    return null;
                }
                boolean currentVerified = book.row(currentLive).map(ContactRow::verified).orElse(false);
                if (currentVerified) {
                    if (contact.verified()) {
                        LOG.warn("identity refused: conversation={} already belongs to another verified contact", conversationId);
                        throw new IdentityConflict();
                    }
                    // An anonymous key never takes a conversation away from a known customer.
                    return null;
                }
                anonymousBefore.set(currentLive);
            }
            session.append(NewEvent.of(new EventData.ContactIdentified(contact.id(), kind, current.orElse(null))));
            return null;
        }).orElseThrow(ConversationNotFound::new);
        return anonymousBefore.get();
    }
}
