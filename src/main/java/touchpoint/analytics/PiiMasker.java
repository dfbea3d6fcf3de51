package touchpoint.analytics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks e-mail addresses, card numbers and phone numbers in customer text before it leaves the service (CSV
 * export) or becomes shared content (proposed FAQ phrasings, gap examples). Errs towards masking: hiding an order
 * number that looks like a card costs less than leaking a card. Public for the recovery queue, whose task
 * reasons quote survey comments.
 */
public final class PiiMasker {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** 13 to 19 digits, optionally grouped by spaces or dashes: every card scheme's length. */
    private static final Pattern CARD = Pattern.compile("(?<![\\d])\\d(?:[ -]?\\d){12,18}(?![\\d])");
    /** An optional +, then digits with the usual separators; at least 8 digits so prices and quantities survive. */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w])\\+?\\(?\\d(?:[\\d ().-]{6,}\\d)(?![\\w])");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private PiiMasker() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = EMAIL.matcher(text).replaceAll("[email]");
        out = CARD.matcher(out).replaceAll("[card]");
        Matcher m = PHONE.matcher(out);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String candidate = m.group();
            long digits = candidate.chars().filter(Character::isDigit).count();
            boolean phone = digits >= 8 && digits <= 15 && !ISO_DATE.matcher(candidate.strip()).matches();
            m.appendReplacement(b, Matcher.quoteReplacement(phone ? "[phone]" : candidate));
        }
        m.appendTail(b);
        return b.toString();
    }
}
