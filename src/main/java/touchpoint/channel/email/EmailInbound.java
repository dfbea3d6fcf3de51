package touchpoint.channel.email;

import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.channel.ChannelInbox;
import touchpoint.channel.ChannelThread;
import touchpoint.channel.Contact;
import touchpoint.contact.Contacts;
import touchpoint.contact.Identity;
import touchpoint.infra.DomainException;
import touchpoint.infra.Ids;

/**
 * What happens to one received mail: a mail already handled, the channel's own, machine-written or empty is recorded
 * and goes no further; any other goes to the chat core as the customer's message, in the conversation its threading
 * headers (or the reference in its subject) name when the sender is that conversation's customer, or a new one.
 */
@Singleton
class EmailInbound {

    private static final Logger LOG = LoggerFactory.getLogger(EmailInbound.class);
    static final Pattern REF = Pattern.compile("\\[#([A-Z2-7]{8})]");
    private static final Pattern REPLY_PREFIX = Pattern.compile("^((re|fw|fwd|aw|wg|sv|tr|antw)\\s*(\\[\\d+])?\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    static final String KEY_PREFIX = "mail:";
    private static final String RECEIVING = "receiving";

    private final ChannelInbox inbox;
    private final EmailStore store;
    private final Contacts contacts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EmailInbound(ChannelInbox inbox, EmailStore store, Contacts contacts, Clock clock) {
        this.inbox = inbox;
        this.store = store;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** @return what became of the mail: received, or why it was set aside */
    String handle(EmailSettings settings, MimeMessage message) throws MessagingException {
        InboundMail mail = MailReader.read(message);
        String hash = Ids.hash(mail.messageId());
        Optional<String> before = store.outcomeOf(settings.channelId(), hash);
        // A mail still "receiving" was being handled when an instance stopped: the chat core's receive is idempotent,
        // so it is handled again.
        if (before.isPresent() && !RECEIVING.equals(before.get())) {
            return "duplicate";
        }
        String setAside = setAside(settings, mail);
        if (setAside != null) {
            store.recordMessage(settings.channelId(), hash, truncated(mail.messageId()), "in", null, setAside, clock.instant());
            LOG.info("mail set aside channel={} outcome={}", settings.channelId(), setAside);
            return setAside;
        }
        Contact contact = new Contact(null, mail.fromAddress(), mail.fromName());
        String externalKey = existingThread(settings, mail).orElse(KEY_PREFIX + hash);
        ChannelThread thread = inbox.open(settings.channelId(), externalKey, contact, null);
        // The thread's subject and reference are stored before the customer's turn, whose reply may leave at once.
        ensureThread(settings, thread.conversationId(), mail);
        identify(settings, thread.conversationId(), mail);
        // Recorded before the turn: the bot's reply may leave at once, and it answers this mail (In-Reply-To).
        store.recordMessage(settings.channelId(), hash, truncated(mail.messageId()), "in", thread.conversationId(), RECEIVING, clock.instant());
        ChannelInbox.Received received = inbox.receive(new ChannelInbox.Inbound(settings.channelId(), externalKey, mail.messageId(),
                mail.text(), null, contact));
        store.updateOutcome(settings.channelId(), hash, "received");
        LOG.info("mail received channel={} conversation={} started={} duplicate={} replies={}", settings.channelId(),
                thread.conversationId(), received.started(), received.duplicate(), received.replies().size());
        return "received";
    }

    /** The sender becomes the conversation's contact only when the receiving server vouched for the From address. */
    private void identify(EmailSettings settings, String conversationId, InboundMail mail) {
        if (!mail.senderVerifiedBy(settings.trustedAuthservId())) {
            return;
        }
        try {
            contacts.identify(conversationId, Identity.verifiedEmail(mail.fromAddress()).named(mail.fromName()));
        } catch (DomainException e) {
            // Another verified contact owns the conversation: the mail is still the customer's message.
            LOG.warn("email conversation={} not identified: {}", conversationId, e.getMessage());
        }
    }

    private static String setAside(EmailSettings settings, InboundMail mail) {
        if (settings.isOwnAddress(mail.fromAddress()) || settings.isOwnMessageId(mail.messageId())) {
            return "own";
        }
        if (mail.automated() != null) {
            return mail.automated();
        }
        if (mail.text().isBlank()) {
            return mail.malformed() ? "malformed" : "empty";
        }
        return null;
    }

    /** The external key of the conversation this mail answers, when its sender is that conversation's customer. */
    private Optional<String> existingThread(EmailSettings settings, InboundMail mail) {
        Optional<String> conversation = Optional.empty();
        if (!mail.threadIds().isEmpty()) {
            List<String> hashes = mail.threadIds().stream().limit(20).map(Ids::hash).toList();
            conversation = store.conversationOf(settings.channelId(), hashes);
        }
        if (conversation.isEmpty()) {
            Matcher ref = REF.matcher(mail.subject());
            if (ref.find()) {
                conversation = store.findByRef(ref.group(1)).filter(t -> t.channelId().equals(settings.channelId()))
                        .map(EmailThreadRow::conversationId);
            }
        }
        return conversation.flatMap(store::findById)
                // Threading headers and subjects are easy to copy: only the conversation's own customer continues it.
                .filter(t -> t.customer().equalsIgnoreCase(mail.fromAddress()))
                .flatMap(t -> inbox.thread(t.conversationId()))
                .filter(t -> t.channelId().equals(settings.channelId()))
                .map(ChannelThread::externalKey);
    }

    private void ensureThread(EmailSettings settings, String conversationId, InboundMail mail) {
        for (int attempt = 0; attempt < 3 && store.findById(conversationId).isEmpty(); attempt++) {
            store.insertThread(conversationId, settings.channelId(), newRef(), threadSubject(mail.subject()), mail.fromAddress(),
                    clock.instant());
        }
    }

    /** The subject a thread's mails keep: without "Re:"/"Fwd:" and without an old reference. */
    static String threadSubject(String subject) {
        String s = REF.matcher(subject == null ? "" : subject).replaceAll("");
        s = REPLY_PREFIX.matcher(s.strip()).replaceFirst("").strip();
        if (s.isBlank()) {
            return "Your message";
        }
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    String newRef() {
        StringBuilder ref = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            ref.append(BASE32.charAt(random.nextInt(32)));
        }
        return ref.toString().toUpperCase(Locale.ROOT);
    }

    private static String truncated(String messageId) {
        return messageId.length() > 500 ? messageId.substring(0, 500) : messageId;
    }
}
