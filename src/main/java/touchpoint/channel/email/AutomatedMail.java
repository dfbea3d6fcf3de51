package touchpoint.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tells mail a machine wrote (out-of-office replies, bounces, delivery reports, list traffic) from mail a person
 * wrote, by the headers RFC 3834 and the common mail servers set. Such mail never opens a conversation and never
 * reaches the bot: answering an auto-reply is how two robots start mailing each other forever.
 */
final class AutomatedMail {

    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");
    private static final Set<String> DAEMON_LOCAL_PARTS = Set.of("mailer-daemon", "postmaster", "mail-daemon", "noreply-dmarc-support");

    private AutomatedMail() {
    }

    /** Why {@code message} is machine-written, or empty when a person wrote it. */
    static Optional<String> reason(Part message, String fromAddress) throws MessagingException {
        String autoSubmitted = first(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("auto_submitted");
        }
        String precedence = first(message, "Precedence");
        if (precedence != null && BULK_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("precedence");
        }
        if (first(message, "X-Autoreply") != null || first(message, "X-Autorespond") != null
                || first(message, "X-Autoresponse") != null) {
            return Optional.of("auto_reply");
        }
        String contentType = message.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/report")) {
            return Optional.of("delivery_report");
        }
        if (fromAddress == null || DAEMON_LOCAL_PARTS.contains(localPart(fromAddress))) {
            return Optional.of("bounce");
        }
        String returnPath = first(message, "Return-Path");
        if (returnPath != null && returnPath.strip().equals("<>")) {
            return Optional.of("bounce");
        }
        if (first(message, "List-Id") != null || first(message, "List-Unsubscribe") != null) {
            return Optional.of("mailing_list");
        }
        return Optional.empty();
    }

    private static String localPart(String address) {
        int at = address.lastIndexOf('@');
        return (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
    }

    private static String first(Part message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }
}
