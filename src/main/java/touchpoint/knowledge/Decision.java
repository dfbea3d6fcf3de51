package touchpoint.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * What the bot will do with a question.
 *
 * @param outcome answer, clarify or fallback
 * @param text what the bot says, plain text / markdown (the FAQ body, an LLM phrasing of it, a clarify
 *     prompt or the honest fallback)
 * @param html the same, rendered from markdown and sanitized, safe to insert into a page
 * @param candidates ranked FAQs with calibrated confidence, best first (for clarify: the options offered)
 * @param citedFaqIds the FAQs the reply is built from
 */
public record Decision(Outcome outcome, String text, String html, List<Candidate> candidates, List<String> citedFaqIds) {

    public enum Outcome { ANSWER, CLARIFY, FALLBACK }

    public Decision {
        candidates = List.copyOf(candidates);
        citedFaqIds = List.copyOf(citedFaqIds);
    }

    public Optional<Candidate> top() {
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
    }

    public double confidence() {
        return top().map(Candidate::confidence).orElse(0.0);
    }
}
