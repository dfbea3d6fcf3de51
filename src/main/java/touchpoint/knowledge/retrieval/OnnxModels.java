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
import java.util.zip.CRC32;

/**
 * The packaged ONNX embedding models. Sessions never spin-wait: a chat server embeds many short questions
 * concurrently on few cores, and spinning worker threads cost more than they save under contention. Each model
 * is opened with one intra-op thread for concurrent questions and, on a multi-core machine, once more with
 * every core for a question that has the machine to itself (see {@link Encoder}).
 */
final class OnnxModels {

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
        byte[] modelBytes = read(owner, model);
        byte[] tokenizerBytes = read(owner, tokenizer);
        CRC32 crc = new CRC32();
        crc.update(modelBytes);
        crc.update(tokenizerBytes);
        int cores = Runtime.getRuntime().availableProcessors();
        EmbeddingModel shared = open(modelBytes, tokenizerBytes, pooling, 1, model);
        EmbeddingModel solo = cores > 1 ? open(modelBytes, tokenizerBytes, pooling, cores, model) : null;
        return new Encoder(name, crc.getValue(), solo, shared);
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
            return 384;
        }
    }
}
