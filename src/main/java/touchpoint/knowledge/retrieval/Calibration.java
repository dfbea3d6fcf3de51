package touchpoint.knowledge.retrieval;

/**
 * Whether a query is in scope at all, learned from the knowledge base itself. Ranking features are relative
 * (a softmax always has a winner), so scope is judged on absolute similarity: a scope score mixing the best
 * phrasing's cosine and the density of close phrasings, mapped to a probability by a logistic curve whose
 * midpoint is the calibrated threshold (a low quantile of the scores of simulated in-scope questions).
 *
 * @param nearestWeight logistic weight of the best phrasing cosine
 * @param densityWeight logistic weight of the best density score
 * @param intercept logistic intercept
 * @param threshold fall back when the in-scope probability is below this (0..1)
 * @param inScopeMedian median in-scope probability of held-out phrasings (simulated in-scope questions)
 * @param outOfScopeMedian median in-scope probability of phrasings whose FAQ was left out (simulated
 *                         out-of-scope questions that closely resemble the knowledge base)
 * @param inScopeFallbackRate share of simulated in-scope questions that fall back at this threshold
 * @param nearMissRecall share of the left-out-FAQ simulations that fall back (a pessimistic recall: real
 *                       off-topic questions are usually much further from every FAQ)
 * @param overridden whether the threshold came from configuration
 */
public record Calibration(double nearestWeight, double densityWeight, double intercept, double threshold,
                          double inScopeMedian, double outOfScopeMedian, double inScopeFallbackRate,
                          double nearMissRecall, boolean overridden) {

    /** Before anything is learned: never fall back on similarity alone. */
    static final Calibration NEVER = new Calibration(0, 0, 10, 0, Double.NaN, Double.NaN, 0, 0, false);

    double inScopeProbability(double nearest, double density) {
        return 1 / (1 + Math.exp(-(nearestWeight * nearest + densityWeight * density + intercept)));
    }

    Calibration withThreshold(double override) {
        return new Calibration(nearestWeight, densityWeight, intercept, override, inScopeMedian, outOfScopeMedian,
                Double.NaN, Double.NaN, true);
    }
}
