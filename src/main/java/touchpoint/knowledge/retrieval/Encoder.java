package touchpoint.knowledge.retrieval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One packaged ONNX model, opened as two sessions. A question encoded while nothing else is being encoded
 * runs on the {@code solo} session, which may use every core; everything else runs on the single-threaded
 * {@code shared} session, on the caller's thread. A support bot is idle most of the time, so most customers
 * get the multi-core latency (about 1.5× faster on two cores); under load, one thread per question wastes
 * nothing on thread hand-offs. Both sessions compute the same vector, bit for bit.
 */
final class Encoder {

    // Process-wide: "nothing else is being encoded" must hold across every model, or a cascade's two models
    // would each take all cores at once.
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();

    private final String name;
    private final long fingerprint;
    private final EmbeddingModel solo;
    private final EmbeddingModel shared;
    private final AtomicBoolean soloTaken = new AtomicBoolean();

    /**
     * {@code fingerprint} identifies the model and tokenizer files (a checksum), so stored vectors are never
     * mixed with another version's; {@code solo} may be null (a single core): then every question runs on
     * {@code shared}.
     */
    Encoder(String name, long fingerprint, EmbeddingModel solo, EmbeddingModel shared) {
        this.name = name;
        this.fingerprint = fingerprint;
        this.solo = solo;
        this.shared = shared;
    }

    String name() {
        return name;
    }

    long fingerprint() {
        return fingerprint;
    }

    int dimension() {
        return shared.dimension();
    }

    float[] embed(String text) {
        boolean alone = IN_FLIGHT.getAndIncrement() == 0 && solo != null && soloTaken.compareAndSet(false, true);
        try {
            return (alone ? solo : shared).embed(text).content().vector();
        } finally {
            if (alone) {
                soloTaken.set(false);
            }
            IN_FLIGHT.decrementAndGet();
        }
    }

    /** Index builds: LangChain4j spreads the batch over a thread pool, so questions meanwhile stay single-threaded. */
    List<float[]> embedAll(List<String> texts) {
        IN_FLIGHT.incrementAndGet();
        try {
            return shared.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                    .map(e -> e.vector())
                    .toList();
        } finally {
            IN_FLIGHT.decrementAndGet();
        }
    }
}
