package touchpoint.infra;

import java.util.Locale;
import java.util.regex.Pattern;

/** A customer's words reduced for phrase matching: lower case, letters, digits and apostrophes, single spaces. */
public final class PlainText {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}' ]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PlainText() {
    }

    /** "Thanks, BYE!!" → "thanks bye"; a typographic apostrophe counts as a plain one ("that’s" → "that's"). */
    public static String of(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        return SPACES.matcher(NOT_WORD.matcher(lower).replaceAll(" ").strip()).replaceAll(" ");
    }
}
