package touchpoint.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedderCacheTest {

    private static final List<String> PHRASINGS = List.of("How do I reset my password?", "Where is my parcel?",
            "Can I pay with PayPal?");

    @TempDir
    Path dir;

    @Test
    void should_keep_phrasing_vectors_for_the_next_start() throws Exception {
        List<float[]> first = new Embedder(EmbeddingChoice.MINILM, dir).embedAll(PHRASINGS, (done, total) -> { });

        Path file = dir.resolve("all-MiniLM-L6-v2.vectors");
        assertThat(file).exists();
        int[] embedded = {0};
        List<float[]> again = new Embedder(EmbeddingChoice.MINILM, dir).embedAll(PHRASINGS, (done, total) -> embedded[0] = total);

        assertThat(embedded[0]).as("phrasings embedded after the restart").isZero();
        for (int i = 0; i < PHRASINGS.size(); i++) {
            assertThat(again.get(i)).containsExactly(first.get(i));
        }
    }

    @Test
    void should_ignore_vectors_stored_for_another_model_version() throws Exception {
        Path file = dir.resolve("all-MiniLM-L6-v2.vectors");
        VectorFile.write(file, 42L, 384, Map.of(PHRASINGS.get(0), new float[384]));
        int[] embedded = {0};

        List<float[]> vectors = new Embedder(EmbeddingChoice.MINILM, dir).embedAll(PHRASINGS, (done, total) -> embedded[0] = total);

        assertThat(embedded[0]).isEqualTo(PHRASINGS.size());
        assertThat(vectors.get(0)).isNotEqualTo(new float[384]);
    }

    @Test
    void should_start_without_stored_vectors_when_the_file_is_damaged() throws Exception {
        new Embedder(EmbeddingChoice.MINILM, dir).embedAll(PHRASINGS, (done, total) -> { });
        Path file = dir.resolve("all-MiniLM-L6-v2.vectors");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        int[] embedded = {0};

        new Embedder(EmbeddingChoice.MINILM, dir).embedAll(PHRASINGS, (done, total) -> embedded[0] = total);

        assertThat(embedded[0]).isEqualTo(PHRASINGS.size());
        int[] afterRepair = {0};
        new Embedder(EmbeddingChoice.MINILM, dir).embedAll(PHRASINGS, (done, total) -> afterRepair[0] = total);
        assertThat(afterRepair[0]).as("the damaged file was replaced by a whole one").isZero();
    }
}
