package touchpoint.knowledge.retrieval;

/**
 * @param fallbackThreshold fixed fallback threshold on the fused score, or null to calibrate it
 * @param fallbackPrecision the share of fallbacks that should be truly out of scope when calibrating
 */
public record RetrievalSettings(Double fallbackThreshold, double fallbackPrecision) {

    public static final RetrievalSettings DEFAULT = new RetrievalSettings(null, 0.9);
}
