package touchpoint.knowledge.retrieval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * The packaged ONNX embedding models. Sessions never spin-wait: a chat server embeds many short questions
 * concurrently on few cores, and spinning worker threads cost more than they save under contention. Each model
 * is opened once, with an intra-op thread per core (see {@link Encoder}), when it is first used: a cascade whose phrasing vectors are stored answers its first questions with the small model alone, and a
 * model that is never asked costs no memory.
 */
final class OnnxModels {

    /** Both bundled models produce 384-dimensional vectors. */
    private static final int DIMENSION = 384;

    private OnnxModels() {
    }

    static Encoder bgeSmall() {
        return encoder("bge-small-en-v1.5", BgeSmallEnV15QuantizedEmbeddingModel.class, "/bge-small-en-v1.5-q.onnx",
                "/bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS);
    }

    static Encoder miniLm() {
        return encoder("all-MiniLM-L6-v2", AllMiniLmL6V2QuantizedEmbeddingModel.class, "/all-minilm-l6-v2-q.onnx",
                "/all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN);
    }

    private static Encoder encoder(String name, Class<?> owner, String model, String tokenizer, PoolingMode pooling) {
        long fingerprint = 31 * checksum(owner, model) + checksum(owner, tokenizer);
        int cores = Runtime.getRuntime().availableProcessors();
        // The files are read again when the session is opened rather than kept: 25-35 MB of heap per model for
        // the life of the process, to save a read that happens once.
        return new Encoder(name, fingerprint, DIMENSION,
                () -> open(read(owner, model), read(owner, tokenizer), pooling, cores, model));
    }

    /**
     * The file's CRC-32 and length. A jar's directory already holds both, so a start that finds its phrasing
     * vectors stored does not inflate 60 MB of models only to learn which version they are (0.3-0.5 s of CPU).
     */
    static long checksum(Class<?> owner, String resource) {
        URL url = owner.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("embedding model file " + resource + " is not on the classpath");
        }
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                JarEntry entry = jar.getJarEntry();
                if (entry.getCrc() != -1 && entry.getSize() != -1) {
                    return entry.getCrc() * 31 + entry.getSize();
                }
            }
        } catch (IOException e) {
            // fall back to reading the file
        }
        byte[] bytes = read(owner, resource);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue() * 31 + bytes.length;
    }

    private static byte[] read(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("embedding model file " + resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddingModel open(byte[] modelBytes, byte[] tokenizerBytes, PoolingMode pooling, int threads,
                                       String model) {
        try (InputStream tokenizerIn = new ByteArrayInputStream(tokenizerBytes)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // The arena keeps the largest buffers any question ever needed, per session, for the life of the
            // process; a question's tensors are small and malloc serves them as fast. About 40 MB resident less.
            options.setCPUArenaAllocator(false);
            // Memory patterns are planned and kept per input shape, and every question length and batch size is a
            // shape of its own: under load they pile up for the life of the session.
            options.setMemoryPatternOptimization(false);
            OrtSession session = env.createSession(modelBytes, options);
            return new Session(new OnnxBertBiEncoder(env, session, tokenizerIn, pooling));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot open embedding model " + model, e);
        }
    }

    private static final class Session extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Session(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
