package touchpoint.analytics;

/**
 * Turns a short text into a vector whose cosine similarity reflects meaning: analytics' seam, served by the
 * knowledge engine's model ({@link EngineQuestionEmbedder}) and replaced by a word-overlap embedder in tests.
 */
public interface QuestionEmbedder {

    float[] embed(String text);
}
