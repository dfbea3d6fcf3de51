package touchpoint.handoff;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;

/**
 * A small lexicon score for anger and frustration. Deliberately simple and explainable: an agent can see
 * why a conversation was escalated, and an operator tunes the words and the threshold in configuration.
 * Profanity scores 3, a frustration word 2, shouting in capitals 2, a run of "!!!" or "?!" 1.
 */
@Singleton
class FrustrationDetector {

    private final List<String> frustration;
    private final Set<String> profanity;

    FrustrationDetector(HandoffConfig config) {
        this.frustration = config.frustrationWords().stream().map(PersonRequestDetector::normalise).filter(w -> !w.isBlank()).toList();
        this.profanity = Set.copyOf(config.profanity().stream().map(PersonRequestDetector::normalise).toList());
    }

    int score(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String t = PersonRequestDetector.normalise(text);
        String padded = " " + t + " ";
        int score = 0;
        for (String word : t.split(" ")) {
            if (profanity.contains(word)) {
                score += 3;
            }
        }
        for (String phrase : frustration) {
            if (padded.contains(" " + phrase + " ")) {
                score += 2;
            }
        }
        if (shouts(text)) {
            score += 2;
        }
        if (text.contains("!!!") || text.contains("?!") || text.contains("!?")) {
            score += 1;
        }
        return score;
    }

    /** Capitals count as shouting only over a few words, so "UPS" or "OK" do not. */
    private static boolean shouts(String text) {
        int upper = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters >= 10 && upper >= letters * 0.8;
    }
}
