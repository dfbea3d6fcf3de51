package touchpoint.knowledge.retrieval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;
import java.util.function.Supplier;

/**
 * One packaged ONNX model, opened as one session on first use, with an intra-op thread per core and no
 * spin-waiting. A question encoded while nothing else is being encoded gets every core (about 1.5× faster on
 * two cores than one thread); under load, concurrent questions share the session's threads and each costs the
 * same CPU as on a single-threaded session (measured with 50 callers, see docs/reliability.md). One session per
 * model instead of one per use keeps one copy of the model's weights and buffers in memory (about 60 MB each).
 */
final class Encoder {

    private final String name;
    private final long fingerprint;
    private final int dimension;
    private final Supplier<EmbeddingModel> open;
    private volatile EmbeddingModel session;

    /**
     * {@code fingerprint} identifies the model and tokenizer files (a checksum), so stored vectors are never
     * mixed with another version's; {@code open} opens the session, once, when the first text is embedded.
     */
    Encoder(String name, long fingerprint, int dimension, Supplier<EmbeddingModel> open) {
        this.name = name;
        this.fingerprint = fingerprint;
        this.dimension = dimension;
        this.open = open;
    }

    String name() {
        return name;
    }

    long fingerprint() {
        return fingerprint;
    }

    int dimension() {
        return dimension;
    }

    private EmbeddingModel session() {
        EmbeddingModel s = session;
        if (s == null) {
            synchronized (this) {
                if (session == null) {
                    session = open.get();
                }
                s = session;
            }
        }
        return s;
    }

    float[] embed(String text) {
        return session().embed(text).content().vector();
    }

    /** Index builds: LangChain4j spreads the batch over a thread pool. */
    List<float[]> embedAll(List<String> texts) {
        return session().embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector())
                .toList();
    }
}
