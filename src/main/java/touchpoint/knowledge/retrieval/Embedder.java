package touchpoint.knowledge.retrieval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dense sentence embeddings from in-process ONNX models. With {@link EmbeddingChoice#BOTH} the two models'
 * unit vectors are concatenated and re-normalized, so a dot product averages the two cosines. With
 * {@link EmbeddingChoice#CASCADE} this embedder is BGE's, and {@link #quick()} is a MiniLM embedder that the
 * index asks first.
 *
 * <p>Vectors of indexed phrasings are cached by text so a rebuild re-embeds only new or changed ones;
 * customer questions are not cached, so the cache cannot grow with traffic. Given a directory, the cache is also
 * kept there (one file per model, see {@link VectorFile}), so a restart does not re-embed a knowledge base that
 * agents have taught thousands of phrasings: on two slow cores that took minutes.
 */
public final class Embedder {

    private static final int BATCH = 32;
    // Only indexed phrasings are cached (about 1.5 KB each per model); beyond this the cache is cleared and
    // the next rebuild re-embeds what it needs.
    private static final int CACHE_LIMIT = 50_000;

    private static final Logger LOG = LoggerFactory.getLogger(Embedder.class);

    private final List<Encoder> models;
    private final int dimension;
    private final Embedder quick;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();
    private final Path file;
    private final long fingerprint;

    public Embedder(EmbeddingChoice choice) {
        this(choice, null);
    }

    /** {@code cacheDir}: where phrasing vectors are kept between restarts, or null to keep them in memory only. */
    public Embedder(EmbeddingChoice choice, Path cacheDir) {
        this(encoders(choice), choice == EmbeddingChoice.CASCADE ? new Embedder(EmbeddingChoice.MINILM, cacheDir) : null,
                cacheDir);
    }

    private Embedder(List<Encoder> models, Embedder quick, Path cacheDir) {
        this.models = List.copyOf(models);
        this.dimension = models.stream().mapToInt(Encoder::dimension).sum();
        this.quick = quick;
        this.fingerprint = models.stream().mapToLong(Encoder::fingerprint).reduce(17, (a, b) -> 31 * a + b);
        this.file = cacheDir == null ? null : cacheDir.resolve(name() + ".vectors");
        load();
    }

    private static List<Encoder> encoders(EmbeddingChoice choice) {
        return switch (choice) {
            case BGE, CASCADE -> List.of(OnnxModels.bgeSmall());
            case MINILM -> List.of(OnnxModels.miniLm());
            case BOTH -> List.of(OnnxModels.bgeSmall(), OnnxModels.miniLm());
        };
    }

    public int dimension() {
        return dimension;
    }

    /** The model(s) behind these vectors, for logs. */
    public String name() {
        return models.stream().map(Encoder::name).collect(Collectors.joining("+"));
    }

    /** Where an index built on these vectors keeps what it trains ({@link IndexFile}); null without a directory. */
    Path indexFile() {
        return file == null ? null : file.resolveSibling(name() + ".index");
    }

    /** The cheaper embedder a cascade ranks with first, if this is a cascade's. */
    Optional<Embedder> quick() {
        return Optional.ofNullable(quick);
    }

    /** A unit vector for the text. */
    public float[] embed(String text) {
        String key = key(text);
        float[] cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        float[] out = new float[dimension];
        int offset = 0;
        for (Encoder model : models) {
            float[] v = model.embed(key);
            System.arraycopy(v, 0, out, offset, v.length);
            offset += v.length;
        }
        normalize(out);
        return out;
    }

    /**
     * Opens the model that ranks a question first (a cascade's small one) by embedding a word, so the first
     * customer does not wait for the session to open; the large model of a cascade stays closed until a question
     * needs it.
     */
    public void warmUp() {
        (quick != null ? quick : this).embed("hello");
    }

    /** Embeds many texts, batching the ones not cached yet; {@code progress} gets (done, total). */
    public List<float[]> embedAll(List<String> texts, BiConsumer<Integer, Integer> progress) {
        List<String> missing = texts.stream().map(Embedder::key).distinct().filter(t -> !cache.containsKey(t)).toList();
        if (!missing.isEmpty() && file != null) {
            LOG.info("Embedding {} new phrasings with {} ({} kept from earlier)", missing.size(), name(), cache.size());
        }
        for (int start = 0; start < missing.size(); start += BATCH) {
            List<String> batch = missing.subList(start, Math.min(missing.size(), start + BATCH));
            float[][] out = new float[batch.size()][dimension];
            int offset = 0;
            for (Encoder model : models) {
                List<float[]> vectors = model.embedAll(batch);
                for (int i = 0; i < batch.size(); i++) {
                    float[] v = vectors.get(i);
                    System.arraycopy(v, 0, out[i], offset, v.length);
                }
                offset += model.dimension();
            }
            for (int i = 0; i < batch.size(); i++) {
                normalize(out[i]);
                remember(batch.get(i), out[i]);
            }
            progress.accept(Math.min(missing.size(), start + BATCH), missing.size());
        }
        if (!missing.isEmpty()) {
            save();
        }
        List<float[]> result = new ArrayList<>(texts.size());
        for (String text : texts) {
            String key = key(text);
            float[] v = cache.get(key);
            if (v == null) {
                v = embed(key);
                remember(key, v);
            }
            result.add(v);
        }
        return result;
    }

    private void load() {
        if (file == null) {
            return;
        }
        try {
            Map<String, float[]> stored = VectorFile.read(file, fingerprint, dimension);
            stored.entrySet().stream().limit(CACHE_LIMIT).forEach(e -> cache.put(e.getKey(), e.getValue()));
            if (!stored.isEmpty()) {
                LOG.info("Read {} phrasing vectors of {} from {}", cache.size(), name(), file);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the stored phrasing vectors in {}: {}", file, e.toString());
        }
    }

    // Serialized: two builds may finish at once (a publish and an editor's trial), and each writes the whole cache.
    private synchronized void save() {
        if (file == null) {
            return;
        }
        try {
            VectorFile.write(file, fingerprint, dimension, new HashMap<>(cache));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot keep phrasing vectors in {}: {}", file, e.toString());
        }
    }

    private void remember(String key, float[] vector) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, vector);
    }

    /**
     * The text as embedded: stripped, and "?" for a text with nothing to embed. The model refuses what
     * {@code String.trim()} empties, which includes control characters that {@code strip()} keeps.
     */
    private static String key(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.trim().isEmpty() ? "?" : stripped;
    }

    static void normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        if (sum == 0) {
            return;
        }
        float inv = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
    }
}
