package touchpoint.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Collectors;

/**
 * Turns an {@link OutgoingMail} into MIME: a text and an HTML alternative, UTF-8, the threading headers mail clients
 * group a conversation by. Every header value passes {@link HeaderValues} first, so nothing a customer or an agent
 * typed can add a header.
 */
final class MailComposer {

    private MailComposer() {
    }

    static MimeMessage compose(Session session, OutgoingMail mail, Instant date) throws MessagingException {
        MimeMessage message = new StableIdMessage(session, "<" + HeaderValues.singleLine("messageId", mail.messageId()) + ">");
        InternetAddress from = HeaderValues.address("from", mail.from());
        if (mail.fromName() != null && !mail.fromName().isBlank()) {
            try {
                from.setPersonal(HeaderValues.singleLine("fromName", mail.fromName()), StandardCharsets.UTF_8.name());
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        message.setFrom(from);
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, HeaderValues.address("to", mail.to()));
        message.setSubject(HeaderValues.subject("subject", mail.subject()), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(date));
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", "<" + HeaderValues.singleLine("inReplyTo", mail.inReplyTo()) + ">");
        }
        if (!mail.references().isEmpty()) {
            // RFC 5322 allows folding; a long thread's References stays readable folded at spaces.
            message.setHeader("References", mail.references().stream()
                    .map(id -> "<" + HeaderValues.singleLine("references", id) + ">")
                    .collect(Collectors.joining("\r\n ")));
        }
        if (mail.automatic()) {
            message.setHeader("Auto-Submitted", "auto-replied");
            // Exchange and Outlook honour this instead of RFC 3834: no out-of-office answer to the bot.
            message.setHeader("X-Auto-Response-Suppress", "All");
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** Jakarta Mail replaces the Message-ID on every save; a retried delivery must keep the one it was given. */
    private static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
