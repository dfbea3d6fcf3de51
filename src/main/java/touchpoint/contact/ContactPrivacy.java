package touchpoint.contact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.admin.AuditLog;
import touchpoint.chat.ConversationStatus;
import touchpoint.chat.ConversationSummary;
import touchpoint.chat.EventData;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.survey.RecoveryQueue;
import touchpoint.survey.RecoveryTask;

/**
 * A contact's rights over their data: everything held about them as one document, and erasure. Erasing redacts
 * every transcript of theirs ({@link Transcript#redact}: texts and personal facts go on every instance, events
 * stay as tombstones), empties the contact's personal fields and forgets their identities. The audit says who
 * erased which contact and when, never what was erased.
 */
@Singleton
class ContactPrivacy {

    private static final Logger LOG = LoggerFactory.getLogger(ContactPrivacy.class);
    static final String ERASURE = "erasure";

    private final ContactBook book;
    private final ContactRepository contacts;
    private final ContactIdentityRepository identities;
    private final ContactHistory history;
    private final Transcript transcript;
    private final RecoveryQueue recovery;
    private final AuditLog audit;
    private final Clock clock;

    ContactPrivacy(ContactBook book, ContactRepository contacts, ContactIdentityRepository identities, ContactHistory history,
                   Transcript transcript, RecoveryQueue recovery, AuditLog audit, Clock clock) {
        this.book = book;
        this.contacts = contacts;
        this.identities = identities;
        this.history = history;
        this.transcript = transcript;
        this.recovery = recovery;
        this.audit = audit;
        this.clock = clock;
    }

    @Serdeable
    record ExportedConversation(String id, String touchpoint, String locale, ConversationStatus status, Instant createdAt,
                                Instant updatedAt, List<TranscriptEvent> messages) {
    }

    @Serdeable
    record ExportedSurveyAnswer(String conversationId, String questionId, String type, int score,
                                @Nullable String comment, Instant answeredAt) {
    }

    @Serdeable
    record Export(Instant exportedAt, Contact contact, List<ExportedConversation> conversations,
                  List<ExportedSurveyAnswer> surveyAnswers, List<RecoveryTask> recoveryTasks,
                  ContactHistory.Journey journey) {
    }

    Export export(String contactId, String actor) {
        ContactRow contact = live(contactId);
        List<ExportedConversation> conversations = new ArrayList<>();
        List<ExportedSurveyAnswer> answers = new ArrayList<>();
        for (ConversationSummary c : transcript.conversationsOf(contact.id())) {
            List<TranscriptEvent> events = transcript.events(c.id());
            conversations.add(new ExportedConversation(c.id(), c.touchpoint(), c.locale(), c.status(), c.createdAt(),
                    c.updatedAt(), events));
            for (TranscriptEvent e : events) {
                e.data(EventData.SurveyAnswered.class).ifPresent(a -> answers.add(new ExportedSurveyAnswer(c.id(),
                        a.questionId(), a.type(), a.score(), a.comment(), e.createdAt())));
            }
        }
        List<RecoveryTask> tasks = recovery.forConversations(conversations.stream().map(ExportedConversation::id).toList());
        audit.record(actor, "contact.exported", "contact:" + contact.id(), null);
        return new Export(clock.instant(), book.view(contact), conversations, answers, tasks, history.journey(contact));
    }

    /** @return how many conversations were redacted */
    int erase(String contactId, String actor) {
        ContactRow contact = live(contactId);
        // Transcripts first: if this stops half-way the contact is still there and erasing again finishes it.
        int redacted = 0;
        for (ConversationSummary c : transcript.conversationsOf(contact.id())) {
            redacted += transcript.redact(c.id(), ERASURE) ? 1 : 0;
        }
        forget(contact.id(), redacted, actor);
        LOG.info("contact erased contact={} conversations={} by={}", contact.id(), redacted, actor);
        return redacted;
    }

    @Transactional
    void forget(String contactId, int redacted, String actor) {
        contacts.findByIdForUpdate(contactId).ifPresent(row -> contacts.update(row.erased(clock.instant())));
        identities.deleteByContactId(contactId);
        audit.record(actor, "contact.erased", "contact:" + contactId, redacted + " conversation(s) redacted");
    }

    private ContactRow live(String contactId) {
        return book.live(contactId).filter(c -> c.erasedAt() == null).orElseThrow(ContactNotFound::new);
    }
}
