package touchpoint.knowledge.retrieval;

/**
 * @param fallbackThreshold fixed fallback threshold on the in-scope probability, or null to calibrate it
 * @param targetInScopeFallbackRate when calibrating, the share of (simulated) in-scope questions allowed to
 *                                  fall back; the threshold sits at this quantile of their scope scores
 * @param cascadeConfidence with {@link EmbeddingChoice#CASCADE}, the small model's ranking stands when its top
 *                          FAQ's confidence reaches this (0..1); above 1 the large model always ranks
 */
public record RetrievalSettings(Double fallbackThreshold, double targetInScopeFallbackRate, double cascadeConfidence) {

    public static final RetrievalSettings DEFAULT = new RetrievalSettings(null, 0.02, 0.8);
}
