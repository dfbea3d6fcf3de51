package touchpoint.infra;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data customers type into chats — e-mail addresses, payment card numbers and phone numbers —
 * wherever text leaves the transcript: log lines, exports. Card numbers are masked only when they pass the
 * Luhn check, so order numbers and the like stay readable; what is left of a card is its last four digits.
 * Every pattern is bounded, so a hostile 2,000-character message costs linear time.
 */
public final class PiiMasker {

    public static final String EMAIL = "[email]";
    public static final String PHONE = "[phone]";

    /** 13–19 digits, optionally grouped by single spaces or dashes. */
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");
    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}");
    /**
     * 7–15 digits with the separators people write, optionally an international prefix; not a hyphen-joined
     * piece of a longer token such as a conversation id ({@code f73eb608-1234-5678-aa7a-...}).
     */
    private static final Pattern PHONE_NUMBER = Pattern.compile(
            "(?<![\\w+])(?<!\\w-)(?:\\+|00)?\\(?\\d(?:[ ./()-]{0,2}\\d){6,14}(?!\\w)(?!-\\w)");

    /** Dates are not personal data and make logs readable: 2026-11-23, 23.11.2026, 11/23/2026. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}");

    private PiiMasker() {
    }

    /** The text with personal data replaced; null stays null. */
    public static String mask(String text) {
        if (text == null || !mayContainPii(text)) {
            return text;
        }
        String masked = maskCards(text);
        if (masked.indexOf('@') >= 0) {
            masked = EMAIL_ADDRESS.matcher(masked).replaceAll(EMAIL);
        }
        return PHONE_NUMBER.matcher(masked).replaceAll(m -> DATE.matcher(m.group()).matches()
                ? Matcher.quoteReplacement(m.group()) : PHONE);
    }

    /** Cheap pre-check on the logging path: an '@' or a run of at least seven digits among separators. */
    private static boolean mayContainPii(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@') {
                return true;
            }
            if (c >= '0' && c <= '9') {
                if (++digits >= 7) {
                    return true;
                }
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/' && c != '+') {
                digits = 0;
            }
        }
        return false;
    }

    private static String maskCards(String text) {
        Matcher m = CARD.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String digits = digits(m.group());
            if (luhn(digits)) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, last, m.start()).append("[card ****").append(digits, digits.length() - 4, digits.length()).append(']');
                last = m.end();
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }

    private static String digits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The Luhn checksum every payment card number satisfies. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return digits.length() >= 13 && sum % 10 == 0;
    }
}
