package touchpoint.contact;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.admin.AuditLog;
import touchpoint.chat.ConversationSummary;
import touchpoint.chat.EventData;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Transcript;

/**
 * An anonymous visitor who turns out to be a known customer: their conversations move to the known contact,
 * each by a CONTACT_IDENTIFIED event in its own transcript (kind MERGED), and the visitor's contact points at
 * the known one. A verified contact is never merged into another: two identities that each prove someone are
 * two people as far as Touchpoint can tell.
 */
@Singleton
class ContactMerge {

    private static final Logger LOG = LoggerFactory.getLogger(ContactMerge.class);
    static final String MERGED = "MERGED";

    private final ContactRepository contacts;
    private final ContactIdentityRepository identities;
    private final Transcript transcript;
    private final AuditLog audit;
    private final Clock clock;

    ContactMerge(ContactRepository contacts, ContactIdentityRepository identities, Transcript transcript, AuditLog audit,
                 Clock clock) {
        this.contacts = contacts;
        this.identities = identities;
        this.transcript = transcript;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return how many conversations moved; 0 when {@code fromId} is verified, already merged, or the same contact */
    int mergeAnonymous(String fromId, String intoId, String actor) {
        Optional<ContactRow> from = contacts.findById(fromId);
        if (fromId.equals(intoId) || from.isEmpty() || from.get().verified() || from.get().mergedInto() != null
                || from.get().erasedAt() != null) {
            return 0;
        }
        int moved = 0;
        for (ConversationSummary conversation : transcript.conversationsOf(fromId)) {
            boolean appended = transcript.write(conversation.id(), session -> {
                if (!session.state().contactId().map(fromId::equals).orElse(false)) {
                    return false;
                }
                session.append(NewEvent.of(new EventData.ContactIdentified(intoId, MERGED, fromId)));
                return true;
            }).map(Transcript.Written::value).orElse(false);
            moved += appended ? 1 : 0;
        }
        markMerged(fromId, intoId, moved, actor);
        LOG.info("contact merged from={} into={} conversations={}", fromId, intoId, moved);
        return moved;
    }

    @Transactional
    void markMerged(String fromId, String intoId, int moved, String actor) {
        contacts.findByIdForUpdate(fromId).ifPresent(row -> contacts.update(row.mergedInto(intoId, clock.instant())));
        // The visitor key is forgotten: whoever uses this browser next starts as a new anonymous visitor, not as
        // the customer who signed in on it.
        identities.deleteByContactId(fromId);
        audit.record(actor, "contact.merged", "contact:" + intoId,
                "anonymous contact:" + fromId + " merged, " + moved + " conversation(s) moved");
    }
}
