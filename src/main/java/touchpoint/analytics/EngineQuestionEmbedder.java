package touchpoint.analytics;

import jakarta.inject.Singleton;
import touchpoint.knowledge.TextEmbedder;

/**
 * The default embedder: the knowledge engine's own sentence model (bge-small-en-v1.5, quantized), so knowledge
 * gaps and feedback themes are clustered in the same space questions are answered in, with one model in memory.
 */
@Singleton
class EngineQuestionEmbedder implements QuestionEmbedder {

    private final TextEmbedder engine;

    EngineQuestionEmbedder(TextEmbedder engine) {
        this.engine = engine;
    }

    @Override
    public float[] embed(String text) {
        return engine.embed(text);
    }
}
