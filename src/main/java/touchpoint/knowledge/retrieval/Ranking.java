package touchpoint.knowledge.retrieval;

import java.util.List;
import java.util.Optional;

/**
 * FAQs ranked for one query.
 *
 * @param ranked best first; excluded FAQs are absent
 * @param topScore the fused score of the best FAQ
 * @param outOfScope whether the in-scope probability is below the calibrated threshold
 * @param inScopeProbability estimated probability that some FAQ answers the query
 * @param byQuickModel whether a cascade's small model ranked it (its top FAQ was confident enough)
 * @param notOurs whether it is out of scope because a "not ours" example is nearer than the FAQs, although the
 *                calibrated threshold alone would have kept it
 */
public record Ranking(List<Scored> ranked, double topScore, boolean outOfScope, double inScopeProbability,
                      boolean byQuickModel, boolean notOurs) {

    public Ranking {
        ranked = List.copyOf(ranked);
    }

    public Ranking(List<Scored> ranked, double topScore, boolean outOfScope, double inScopeProbability) {
        this(ranked, topScore, outOfScope, inScopeProbability, false, false);
    }

    Ranking fromQuickModel() {
        return new Ranking(ranked, topScore, outOfScope, inScopeProbability, true, notOurs);
    }

    public Optional<Scored> top() {
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }

    /**
     * @param probability share among the FAQs (temperature-scaled softmax), ignoring out-of-scope
     * @param confidence {@code probability} times the in-scope probability: the chance this FAQ answers it
     */
    public record Scored(String faqId, double probability, double confidence, double score) {
    }
}
