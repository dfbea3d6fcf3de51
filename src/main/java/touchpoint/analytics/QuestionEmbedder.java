package touchpoint.analytics;

/**
 * Turns a short text into a vector whose cosine similarity reflects meaning. Analytics' own seam so the lead can
 * point it at the knowledge engine's shared model (one model in memory) without analytics depending on it.
 */
public interface QuestionEmbedder {

    float[] embed(String text);
}
