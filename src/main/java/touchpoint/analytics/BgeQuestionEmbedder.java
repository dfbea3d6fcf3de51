package touchpoint.analytics;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import jakarta.inject.Singleton;

/**
 * The default embedder: the quantized bge-small-en-v1.5 model that ships on the classpath. Loaded on first use
 * (about a second and some 30 MB) because only the knowledge-gap and feedback-theme pages need it.
 */
@Singleton
class BgeQuestionEmbedder implements QuestionEmbedder {

    private volatile BgeSmallEnV15QuantizedEmbeddingModel model;

    @Override
    public float[] embed(String text) {
        return model().embed(text).content().vector();
    }

    private BgeSmallEnV15QuantizedEmbeddingModel model() {
        BgeSmallEnV15QuantizedEmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = new BgeSmallEnV15QuantizedEmbeddingModel();
                }
                m = model;
            }
        }
        return m;
    }
}
