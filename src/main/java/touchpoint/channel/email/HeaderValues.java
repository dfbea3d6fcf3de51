package touchpoint.channel.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import touchpoint.infra.InvalidRequest;

/**
 * The one gate every value written into an outgoing mail header passes. A CR or LF in a subject or an address
 * would end the header and let whoever wrote it add their own (a Bcc to the world, a second body), so such a
 * value is refused, never cleaned up: a cleaned value is still not what the sender meant.
 */
final class HeaderValues {

    /** RFC 5322 lines stop at 998 characters; a subject far below keeps folding simple. */
    static final int MAX_SUBJECT = 250;

    private HeaderValues() {
    }

    static String subject(String field, String value) {
        String v = singleLine(field, value);
        if (v.length() > MAX_SUBJECT) {
            throw new InvalidRequest(field, "must be at most " + MAX_SUBJECT + " characters");
        }
        return v;
    }

    static String singleLine(String field, String value) {
        if (value == null) {
            throw new InvalidRequest(field, "is required");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // U+2028/2029 and NEL are line breaks too for some mail clients that re-fold headers.
            if (c == '\r' || c == '\n' || c == '\0' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                throw new InvalidRequest(field, "must be a single line");
            }
        }
        return value;
    }

    /** One plain mailbox ({@code name@example.com}), strictly parsed; groups, lists and routes are refused. */
    static InternetAddress address(String field, String value) {
        singleLine(field, value);
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(value, true);
            if (parsed.length != 1 || parsed[0].isGroup()) {
                throw new InvalidRequest(field, "must be one email address");
            }
            InternetAddress address = new InternetAddress(parsed[0].getAddress(), true);
            address.validate();
            if (address.getAddress().length() > 254) {
                throw new InvalidRequest(field, "is too long for an email address");
            }
            return address;
        } catch (AddressException e) {
            throw new InvalidRequest(field, "must be an email address");
        }
    }

    /** The address in the canonical form it is compared and stored in: the local part as written, the domain lower case. */
    static String canonical(InternetAddress address) {
        String a = address.getAddress();
        int at = a.lastIndexOf('@');
        return at < 0 ? a : a.substring(0, at) + "@" + a.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
