package touchpoint.admin;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a valid FAQ is, in one place for the API and for imported files. The limits keep one FAQ small enough
 * to index quickly and to edit in a browser; ids become file names and URL segments, hence the narrow alphabet.
 */
final class FaqRules {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
    static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*");
    static final int MAX_TITLE = 300;
    static final int MAX_QUESTIONS = 100;
    static final int MAX_QUESTION = 500;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 50;
    static final int MAX_BODY = 40_000;

    private FaqRules() {
    }

    record Violation(String field, String message) {
    }

    /** The first rule {@code faq} breaks, or null. */
    static Violation check(FaqDocument faq) {
        if (faq.id() == null) {
            return new Violation("id", "is required");
        }
        if (!ID.matcher(faq.id()).matches()) {
            return new Violation("id", "must be lower-case letters, digits and dashes, at most 100");
        }
        if (faq.title() == null || faq.title().isBlank()) {
            return new Violation("title", "is required");
        }
        if (faq.title().length() > MAX_TITLE || faq.title().contains("\n")) {
            return new Violation("title", "must be one line of at most " + MAX_TITLE + " characters");
        }
        Violation v = list("questions", faq.questions(), MAX_QUESTIONS, MAX_QUESTION);
        if (v != null) {
            return v;
        }
        v = list("tags", faq.tags(), MAX_TAGS, MAX_TAG);
        if (v != null) {
            return v;
        }
        if (faq.team() != null && !TEAM.matcher(faq.team()).matches()) {
            return new Violation("team", "must be lower-case letters, digits, _ and -");
        }
        if (!LOCALE.matcher(faq.locale()).matches() || faq.locale().length() > 20) {
            return new Violation("locale", "must be a language tag such as en or de-CH");
        }
        if (faq.body().isBlank()) {
            return new Violation("body", "is required: write the answer");
        }
        if (faq.body().length() > MAX_BODY) {
            return new Violation("body", "must be at most " + MAX_BODY + " characters");
        }
        return null;
    }

    private static Violation list(String field, List<String> items, int maxItems, int maxLength) {
        if (items.size() > maxItems) {
            return new Violation(field, "must have at most " + maxItems + " entries");
        }
        Set<String> seen = new HashSet<>();
        for (String item : items) {
            if (item == null || item.isBlank()) {
                return new Violation(field, "must not contain empty entries");
            }
            if (item.length() > maxLength || item.contains("\n")) {
                return new Violation(field, "entries must be one line of at most " + maxLength + " characters");
            }
            if (!seen.add(item.strip().toLowerCase(java.util.Locale.ROOT))) {
                return new Violation(field, "has a duplicate entry '" + clip(item) + "'");
            }
        }
        return null;
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
