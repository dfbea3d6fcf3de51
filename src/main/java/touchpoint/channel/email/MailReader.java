package touchpoint.channel.email;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a received MIME message into an {@link InboundMail}: the sender, the threading headers, whether a
 * machine wrote it, and the text a person wrote, preferring the plain-text alternative and reading HTML as text
 * otherwise. Hostile input is bounded: nesting depth, number of parts and bytes read per part are capped, a charset
 * Java does not know is read as UTF-8, and a body that is not valid MIME leaves the text empty instead of failing
 * the poll.
 */
final class MailReader {

    static final int MAX_DEPTH = 8;
    static final int MAX_PARTS = 64;
    /** Bytes read from any one text part; a person's message is far shorter, and the rest is never shown. */
    static final int MAX_PART_BYTES = 256 * 1024;
    /** Characters of the customer's text the bot reads, as the chat API allows. */
    static final int MAX_TEXT = 2000;

    private static final Pattern ID = Pattern.compile("<([^<>\\s]{1,500})>");

    private MailReader() {
    }

    static InboundMail read(MimeMessage message) throws MessagingException {
        String from = null;
        String fromName = null;
        try {
            Address[] senders = message.getFrom();
            if (senders != null && senders.length > 0 && senders[0] instanceof InternetAddress a && a.getAddress() != null
                    && a.getAddress().contains("@")) {
                from = HeaderValues.canonical(a);
                fromName = a.getPersonal();
            }
        } catch (MessagingException unreadable) {
            // A From header that does not parse is no sender at all: the mail is treated like a bounce.
        }
        String subject = decodedSubject(message);
        List<String> thread = new ArrayList<>();
        thread.addAll(ids(header(message, "In-Reply-To")));
        List<String> references = ids(header(message, "References"));
        for (int i = references.size() - 1; i >= 0; i--) {
            thread.add(references.get(i));
        }
        String automated = AutomatedMail.reason(message, from).orElse(null);
        String body;
        boolean malformed = false;
        try {
            body = new Walk().text(message, 0).orElse("");
        } catch (MessagingException | IOException | RuntimeException e) {
            body = "";
            malformed = true;
        }
        String text = ReplyText.strip(body);
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        String sender = from;
        String messageId = ids(header(message, "Message-ID")).stream().findFirst().orElseGet(() -> madeUpId(message, sender, subject));
        String[] auth = message.getHeader("Authentication-Results");
        List<String> authenticationResults = auth == null ? List.of() : List.of(auth).subList(0, Math.min(auth.length, 5));
        return new InboundMail(messageId, new ArrayList<>(new LinkedHashSet<>(thread)), from, fromName, subject, text, automated,
                malformed, authenticationResults);
    }

    /** The bracketed ids in a Message-ID, In-Reply-To or References header, in order, without brackets. */
    static List<String> ids(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        Matcher m = ID.matcher(header);
        while (m.find() && out.size() < 50) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String decodedSubject(MimeMessage message) {
        try {
            String s = message.getSubject();
            return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String header(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? null : String.join(" ", values);
    }

    /** A mail without a Message-ID still has to be stored once: its sender, date and body stand in for one. */
    private static String madeUpId(MimeMessage message, String from, String subject) {
        try (InputStream raw = message.getRawInputStream()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(from).getBytes(StandardCharsets.UTF_8));
            sha.update(subject.getBytes(StandardCharsets.UTF_8));
            sha.update(String.valueOf(header(message, "Date")).getBytes(StandardCharsets.UTF_8));
            sha.update(raw.readNBytes(MAX_PART_BYTES));
            return HexFormat.of().formatHex(sha.digest()) + "@no-message-id.invalid";
        } catch (IOException | MessagingException | NoSuchAlgorithmException e) {
            return HexFormat.of().formatHex((String.valueOf(from) + subject).getBytes(StandardCharsets.UTF_8)) + "@no-message-id.invalid";
        }
    }

    /** One walk over a message's parts, counting them so a message of a million nested parts costs nothing. */
    private static final class Walk {
        private int parts;

        Optional<String> text(Part part, int depth) throws MessagingException, IOException {
            if (depth > MAX_DEPTH || ++parts > MAX_PARTS) {
                return Optional.empty();
            }
            if (Part.ATTACHMENT.equalsIgnoreCase(disposition(part))) {
                return Optional.empty();
            }
            ContentType type = contentType(part);
            String base = type.getBaseType().toLowerCase(Locale.ROOT);
            if (base.equals("text/plain")) {
                return Optional.of(read(part, type));
            }
            if (base.equals("text/html")) {
                return Optional.of(HtmlText.toText(read(part, type)));
            }
            if (base.startsWith("multipart/")) {
                Object content = part.getContent();
                if (!(content instanceof Multipart multipart)) {
                    return Optional.empty();
                }
                int count = Math.min(multipart.getCount(), MAX_PARTS);
                if (base.equals("multipart/alternative")) {
                    // Plain text first: it is what the sender wrote; the HTML is a rendering of it.
                    Optional<String> html = Optional.empty();
                    for (int i = 0; i < count; i++) {
                        BodyPart child = multipart.getBodyPart(i);
                        String childType = contentType(child).getBaseType().toLowerCase(Locale.ROOT);
                        if (childType.equals("text/plain")) {
                            Optional<String> plain = text(child, depth + 1);
                            if (plain.isPresent() && !plain.get().isBlank()) {
                                return plain;
                            }
                        } else if (html.isEmpty()) {
                            html = text(child, depth + 1);
                        }
                    }
                    return html;
                }
                // mixed, related, signed: the first readable part is the message; the rest are attachments.
                for (int i = 0; i < count; i++) {
                    Optional<String> found = text(multipart.getBodyPart(i), depth + 1);
                    if (found.isPresent() && !found.get().isBlank()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        }

        private static String disposition(Part part) {
            try {
                return part.getDisposition();
            } catch (MessagingException e) {
                return null;
            }
        }

        private static ContentType contentType(Part part) throws MessagingException {
            try {
                String raw = part.getContentType();
                return new ContentType(raw == null ? "text/plain" : raw);
            } catch (ParseException e) {
                return new ContentType("application", "octet-stream", null);
            }
        }

        /** The part's text in its declared charset; an unknown or missing charset is read as UTF-8, never fatal. */
        private static String read(Part part, ContentType type) throws MessagingException, IOException {
            Charset charset = charset(type.getParameter("charset"));
            try (InputStream in = part.getInputStream()) {
                byte[] bytes = in.readNBytes(MAX_PART_BYTES);
                return new String(bytes, charset);
            }
        }

        private static Charset charset(String declared) {
            if (declared == null || declared.isBlank()) {
                return StandardCharsets.UTF_8;
            }
            try {
                return Charset.forName(MimeUtility.javaCharset(declared.strip()));
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }
    }

}
