package touchpoint.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.InputStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class OnnxModelsTest {

    @Test
    void should_take_a_model_files_checksum_from_the_jar_directory_without_changing_it() throws Exception {
        String resource = "/all-minilm-l6-v2-q-tokenizer.json";
        byte[] bytes;
        try (InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(resource)) {
            bytes = in.readAllBytes();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);

        long checksum = OnnxModels.checksum(AllMiniLmL6V2QuantizedEmbeddingModel.class, resource);

        assertThat(AllMiniLmL6V2QuantizedEmbeddingModel.class.getResource(resource).getProtocol()).isEqualTo("jar");
        assertThat(checksum).isEqualTo(crc.getValue() * 31 + bytes.length);
    }
}
