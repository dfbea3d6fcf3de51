package touchpoint.analytics;

import java.util.Locale;
import java.util.Set;

/**
 * A small lexicon scorer for survey comments: +1 per positive word, -1 per negative word, flipped when one of the
 * two words before it is a negation ("not helpful", "wasn't quick"). The score is (positive - negative) /
 * (positive + negative) in -1..1, 0 when no sentiment word occurs. Crude, but transparent and good enough to sort
 * themes into happy, unhappy and mixed for a person to read.
 */
final class Sentiment {

    private static final Set<String> POSITIVE = Set.of("good", "great", "quick", "fast", "friendly", "helpful", "easy", "excellent",
            "thanks", "thank", "love", "loved", "perfect", "amazing", "nice", "clear", "polite", "brilliant", "happy", "smooth",
            "kind", "patient", "solved", "resolved", "efficient", "fantastic", "wonderful", "simple", "best", "pleasant");
    private static final Set<String> NEGATIVE = Set.of("slow", "bad", "rude", "useless", "unhelpful", "wait", "waiting", "waited",
            "long", "confusing", "confused", "wrong", "terrible", "awful", "annoying", "frustrating", "frustrated", "poor", "hard",
            "difficult", "broken", "angry", "disappointed", "disappointing", "late", "worst", "ignored", "unclear", "complicated",
            "repeat", "repeated", "again");
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "didn't", "didnt", "don't", "dont", "wasn't",
            "wasnt", "isn't", "isnt", "hardly", "nothing", "without", "won't", "cannot", "can't", "cant");

    private Sentiment() {
    }

    static double score(String text) {
        if (text == null) {
            return 0;
        }
        String[] words = text.toLowerCase(Locale.ROOT).replace('’', '\'').split("[^a-z']+");
        int positive = 0;
        int negative = 0;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            int polarity = POSITIVE.contains(w) ? 1 : NEGATIVE.contains(w) ? -1 : 0;
            if (polarity == 0) {
                continue;
            }
            boolean negated = (i > 0 && NEGATIONS.contains(words[i - 1])) || (i > 1 && NEGATIONS.contains(words[i - 2]));
            if (negated) {
                polarity = -polarity;
            }
            if (polarity > 0) {
                positive++;
            } else {
                negative++;
            }
        }
        return positive + negative == 0 ? 0 : (double) (positive - negative) / (positive + negative);
    }

    static String label(double score) {
        return score > 0.2 ? "positive" : score < -0.2 ? "negative" : "neutral";
    }
}
