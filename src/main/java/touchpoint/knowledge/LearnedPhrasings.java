package touchpoint.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import touchpoint.infra.PiiMasker;

/**
 * How a customer's question becomes an FAQ phrasing the engine learns: the one path shared by the product (an
 * agent's answer proposes it, an admin approves it) and the eval command's {@code --learn-approved}, so the
 * measured gain is the product's.
 */
public final class LearnedPhrasings {

    /** The longest phrasing kept. */
    public static final int MAX_LENGTH = 500;

    private LearnedPhrasings() {
    }

    /**
     * The text a proposal stores: customer text PII-masked (a phrasing becomes shared FAQ content) and clipped;
     * empty when nothing is left to learn.
     */
    public static Optional<String> admit(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String masked = PiiMasker.mask(text.strip());
        return Optional.of(masked.length() > MAX_LENGTH ? masked.substring(0, MAX_LENGTH) : masked);
    }

    /** What makes two proposals of one FAQ the same phrasing: case, spacing and closing punctuation ignored. */
    public static String normalize(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[?.!]+$", "");
    }

    /** One approved phrasing of an FAQ. */
    public record Approved(String faqId, String text) {
    }

    /** The FAQs as served with their approved phrasings, oldest first, after each FAQ's own questions. */
    public static List<Faq> serve(List<Faq> faqs, List<Approved> approved) {
        Map<String, List<String>> byFaq = new LinkedHashMap<>();
        approved.forEach(a -> byFaq.computeIfAbsent(a.faqId(), id -> new ArrayList<>()).add(a.text()));
        return faqs.stream().map(f -> f.withExtraQuestions(byFaq.getOrDefault(f.id(), List.of()))).toList();
    }

    /**
     * Proposals as {@code PhrasingProposals} records them: each admitted, and a phrasing already proposed for the
     * same FAQ skipped. What an admin who approves every proposal ends up serving.
     */
    public static List<Approved> proposeAll(List<Approved> questions) {
        Set<String> seen = new HashSet<>();
        List<Approved> out = new ArrayList<>();
        for (Approved q : questions) {
            if (q.faqId() == null || q.faqId().isBlank()) {
                continue;
            }
            admit(q.text()).filter(t -> seen.add(q.faqId() + "\n" + normalize(t)))
                    .ifPresent(t -> out.add(new Approved(q.faqId(), t)));
        }
        return out;
    }
}
