package touchpoint.testing;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import touchpoint.knowledge.Candidate;
import touchpoint.knowledge.Decision;
import touchpoint.knowledge.FaqView;
import touchpoint.knowledge.KnowledgeBase;
import touchpoint.knowledge.Question;

/**
 * A knowledge base with fixed answers, so conversation tests assert flows rather than retrieval quality:
 * "return" answers return-policy (with refund-timing next), "refund or return" asks to clarify, anything
 * else falls back.
 */
@Singleton
@Replaces(KnowledgeBase.class)
@Requires(property = "touchpoint.test.scripted-knowledge", value = "true")
public class ScriptedKnowledgeBase implements KnowledgeBase {

    private static final Map<String, FaqView> FAQS = Map.of(
            "return-policy", faq("return-policy", "What is your return policy?", "You can return items within **30 days**."),
            "refund-timing", faq("refund-timing", "When will I get my refund?", "Refunds arrive within 5 working days."));

    @Override
    public Decision decide(Question question) {
        String text = question.text().toLowerCase(Locale.ROOT);
        List<Candidate> ranked = new ArrayList<>();
        if (text.contains("refund or return")) {
            ranked.add(candidate("return-policy", 0.48));
            ranked.add(candidate("refund-timing", 0.46));
            // Worded as the engine words it: the question, then the options as a list for clients that show text only.
            return new Decision(Decision.Outcome.CLARIFY,
                    "Did you mean one of these?\n\n- What is your return policy?\n- When will I get my refund?",
                    "<p>Did you mean one of these?</p>\n<ul><li>What is your return policy?</li><li>When will I get my refund?</li></ul>",
                    ranked, List.of());
        }
        if (text.contains("return")) {
            ranked.add(candidate("return-policy", 0.91));
            ranked.add(candidate("refund-timing", 0.40));
        }
        ranked.removeIf(c -> question.excludeFaqIds().contains(c.faqId()));
        if (ranked.isEmpty() || ranked.get(0).confidence() < 0.3) {
            return new Decision(Decision.Outcome.FALLBACK, "I don't have an answer for that.", "<p>I don't have an answer for that.</p>", ranked, List.of());
        }
        FaqView top = FAQS.get(ranked.get(0).faqId());
        return new Decision(Decision.Outcome.ANSWER, top.bodyMarkdown(), top.bodyHtml(), ranked, List.of(top.id()));
    }

    @Override
    public Optional<FaqView> faq(String id) {
        return Optional.ofNullable(FAQS.get(id));
    }

    @Override
    public List<FaqView> all() {
        return List.copyOf(FAQS.values());
    }

    private static Candidate candidate(String id, double confidence) {
        return new Candidate(id, FAQS.get(id).title(), confidence);
    }

    private static FaqView faq(String id, String title, String body) {
        return new FaqView(id, title, List.of(title), List.of("returns"), "returns", "en", body, "<p>" + body + "</p>");
    }
}
