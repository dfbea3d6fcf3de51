package touchpoint.knowledge;

import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import touchpoint.infra.PlainText;
import touchpoint.knowledge.retrieval.Ranking;

/**
 * Decides whether a short question is read on its own or together with the customer's previous question.
 *
 * <p>"and for returns?" or "what about Ireland?" only make sense with what came before. "I was charged twice"
 * is just as short but a new question: reading it with the previous one ("the lamp I got is broken") would
 * answer the old topic, and an off-topic "what's the weather tomorrow" glued to a shop question would no longer
 * fall back. So a short question is read with its context only when it opens like a follow-up (a conjunction,
 * "what about", a preposition), or when it is a word or two that answers nothing on its own while the two
 * together do ("Ireland?" after "do you deliver to France?"); a bare number or symbol is never such a fragment.
 */
final class FollowUps {

    // Openings that continue the previous question rather than start a new one.
    private static final Pattern CONTINUES = Pattern.compile(
            "^(and|or|but|also|plus|then|same|what about|how about|what if|and if|as well|"
                    + "for|in|to|with|on|from|by|via|without|at)\\b.*");
    private static final Set<String> TRAILING_CUES = Set.of("too", "also", "then");
    private static final int FRAGMENT_MAX_WORDS = 2;
    private static final Pattern HAS_WORD = Pattern.compile("\\p{L}{2,}");

    private final int maxWords;

    FollowUps(int maxWords) {
        this.maxWords = maxWords;
    }

    /** The text that was ranked and its ranking. */
    record Reading(String text, Ranking ranking) {
    }

    /** Ranks the question alone or with its context, whichever reading the rules above choose. */
    Reading read(Question question, Function<String, Ranking> rank) {
        String text = question.text() == null ? "" : question.text().strip();
        int words = words(text);
        if (question.context().isEmpty() || words == 0 || words > maxWords) {
            return new Reading(text, rank.apply(text));
        }
        String together = question.context().get(question.context().size() - 1).strip() + " " + text;
        if (continues(text)) {
            return new Reading(together, rank.apply(together));
        }
        Ranking alone = rank.apply(text);
        if (!alone.outOfScope() || words > FRAGMENT_MAX_WORDS || !HAS_WORD.matcher(text).find()) {
            return new Reading(text, alone);
        }
        Ranking withContext = rank.apply(together);
        return withContext.outOfScope() ? new Reading(text, alone) : new Reading(together, withContext);
    }

    static boolean continues(String text) {
        String plain = PlainText.of(text);
        if (CONTINUES.matcher(plain).matches()) {
            return true;
        }
        String[] w = plain.split(" ");
        return w.length > 1 && TRAILING_CUES.contains(w[w.length - 1]);
    }

    /**
     * How many pieces {@code text.split("\\s+")} would give, without compiling that regex for every question: the
     * runs of characters other than ASCII whitespace, plus the empty piece split keeps before leading whitespace.
     */
    static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            if (isRegexSpace(text.charAt(i))) {
                inWord = false;
            } else if (!inWord) {
                inWord = true;
                words++;
            }
        }
        return words > 0 && isRegexSpace(text.charAt(0)) ? words + 1 : words;
    }

    /** What {@code \\s} matches without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
