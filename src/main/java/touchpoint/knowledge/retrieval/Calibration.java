package touchpoint.knowledge.retrieval;

/**
 * When to fall back, learned from the knowledge base itself.
 *
 * @param threshold fused top scores below this fall back
 * @param slope logistic slope of P(in scope | top score)
 * @param intercept logistic intercept of P(in scope | top score)
 * @param expectedPrecision share of fallbacks that were out of scope in the leave-out simulation
 * @param expectedRecall share of simulated out-of-scope questions that fell back
 * @param overridden whether the threshold came from configuration
 */
public record Calibration(double threshold, double slope, double intercept, double expectedPrecision,
                          double expectedRecall, boolean overridden) {

    static final Calibration NEVER = new Calibration(Double.NEGATIVE_INFINITY, 0, 10, Double.NaN, 0, false);

    double inScopeProbability(double topScore) {
        return 1 / (1 + Math.exp(-(slope * topScore + intercept)));
    }

    Calibration withThreshold(double override) {
        return new Calibration(override, slope, intercept, Double.NaN, Double.NaN, true);
    }
}
