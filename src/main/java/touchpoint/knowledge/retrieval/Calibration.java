package touchpoint.knowledge.retrieval;

/**
 * Whether a query is in scope at all, learned from the knowledge base itself. Ranking features are relative
 * (a softmax always has a winner), so scope is judged on absolute similarity: the best phrasing's cosine and
 * the density of close phrasings, combined by a logistic model fitted on simulated in-scope and
 * out-of-scope questions.
 *
 * @param nearestWeight logistic weight of the best phrasing cosine
 * @param densityWeight logistic weight of the best density score
 * @param intercept logistic intercept
 * @param threshold fall back when the in-scope probability is below this (0..1)
 * @param inScopeMedian median in-scope probability of held-out phrasings (simulated in-scope questions)
 * @param outOfScopeMedian median in-scope probability of phrasings whose FAQ was left out (simulated out-of-scope)
 * @param expectedPrecision share of simulated fallbacks that were out of scope
 * @param expectedRecall share of simulated out-of-scope questions that fell back
 * @param overridden whether the threshold came from configuration
 */
public record Calibration(double nearestWeight, double densityWeight, double intercept, double threshold,
                          double inScopeMedian, double outOfScopeMedian, double expectedPrecision,
                          double expectedRecall, boolean overridden) {

    /** Before anything is learned: never fall back on similarity alone. */
    static final Calibration NEVER = new Calibration(0, 0, 10, 0, Double.NaN, Double.NaN, Double.NaN, 0, false);

    double inScopeProbability(double nearest, double density) {
        return 1 / (1 + Math.exp(-(nearestWeight * nearest + densityWeight * density + intercept)));
    }

    Calibration withThreshold(double override) {
        return new Calibration(nearestWeight, densityWeight, intercept, override, inScopeMedian, outOfScopeMedian,
                Double.NaN, Double.NaN, true);
    }
}
