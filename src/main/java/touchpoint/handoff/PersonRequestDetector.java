package touchpoint.handoff;

import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import touchpoint.chat.BotReplies;
import touchpoint.chat.SmallTalk;

/**
 * Recognises a customer asking for a person. Phrases count anywhere; single words ("agent", "human") count
 * only in a short message, because a long question that mentions a delivery agent is still a question.
 */
@Singleton
class PersonRequestDetector {

    /** Words that carry no meaning of their own in "can I please talk to a human now". */
    private static final Set<String> FILLER = Set.of("a", "an", "the", "i", "me", "to", "with", "can", "could", "may",
            "please", "pls", "plz", "want", "need", "would", "like", "let", "get", "give", "talk", "speak", "chat",
            "now", "just", "real", "live", "actual", "some", "connect", "be", "is", "there", "any", "you", "your", "ok");

    private final List<String> phrases;
    private final Set<String> words;
    private final int maxWords;

    PersonRequestDetector(HandoffConfig config) {
        this.phrases = config.personPhrases().stream().map(PersonRequestDetector::normalise).filter(p -> !p.isBlank()).toList();
        this.words = Set.copyOf(config.personWords().stream().map(PersonRequestDetector::normalise).toList());
        this.maxWords = config.personWordMaxWords();
    }

    boolean asksForPerson(String text) {
        if (text == null) {
            return false;
        }
        if (text.strip().equalsIgnoreCase(BotReplies.TALK_TO_PERSON)) {
            return true;
        }
        if (SmallTalk.asksWhoIsAnswering(text)) {
            return false;
        }
        String t = normalise(text);
        String padded = " " + t + " ";
        if (phrases.stream().anyMatch(p -> padded.contains(" " + p + " "))) {
            return true;
        }
        String[] tokens = t.isBlank() ? new String[0] : t.split(" ");
        List<String> meaningful = Arrays.stream(tokens).filter(w -> !FILLER.contains(w)).toList();
        return !meaningful.isEmpty() && tokens.length <= maxWords + 4 && meaningful.size() <= maxWords
                && meaningful.stream().anyMatch(words::contains)
                && meaningful.stream().allMatch(w -> words.contains(w) || FILLER.contains(w) || w.length() <= 3);
    }

    /** Lower case, apostrophes dropped, everything that is not a letter or digit becomes one space. */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replace("’", "").replace("'", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
