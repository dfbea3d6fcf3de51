package touchpoint.knowledge.retrieval;

/**
 * @param fallbackThreshold fixed fallback threshold on the in-scope probability, or null to calibrate it
 * @param targetInScopeFallbackRate when calibrating, the share of (simulated) in-scope questions allowed to
 *                                  fall back; the threshold sits at this quantile of their scope scores
 */
public record RetrievalSettings(Double fallbackThreshold, double targetInScopeFallbackRate) {

    public static final RetrievalSettings DEFAULT = new RetrievalSettings(null, 0.02);
}
