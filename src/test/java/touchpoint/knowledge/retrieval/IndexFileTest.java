package touchpoint.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import touchpoint.knowledge.Faq;
import touchpoint.knowledge.content.FaqLoader;

/** What an index build trains is kept beside the phrasing vectors and read back only for the same inputs. */
class IndexFileTest {

    private static final List<String> QUESTIONS = List.of("I forgot my password and can't sign in",
            "where is my parcel", "can I pay with paypal", "how do I return an item?", "refund please",
            "What is the airspeed velocity of an unladen swallow?", "do you ship to Norway", "cancel my order",
            "my card was charged twice", "password");

    private static List<Faq> faqs;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadFaqs() throws Exception {
        faqs = new FaqLoader().load(Path.of(IndexFileTest.class.getResource("/knowledge/faq").toURI())).faqs();
    }

    private RetrievalIndex build(List<Faq> knowledge, RetrievalSettings settings) {
        return RetrievalIndex.build(knowledge, new Embedder(EmbeddingChoice.MINILM, dir), settings, true);
    }

    private static List<Ranking> rankings(RetrievalIndex index) {
        return QUESTIONS.stream().map(q -> index.rank(q, Set.of())).toList();
    }

    @Test
    void should_rank_a_fixed_question_set_identically_from_the_stored_index_as_from_a_fresh_build() {
        RetrievalIndex fresh = build(faqs, RetrievalSettings.DEFAULT);

        RetrievalIndex restored = build(faqs, RetrievalSettings.DEFAULT);

        assertThat(fresh.restored()).isFalse();
        assertThat(restored.restored()).isTrue();
        assertThat(dir.resolve("all-MiniLM-L6-v2.index")).exists();
        assertThat(restored.calibration()).isEqualTo(fresh.calibration());
        assertThat(restored.describeFusion()).isEqualTo(fresh.describeFusion());
        assertThat(rankings(restored)).isEqualTo(rankings(fresh));
    }

    @Test
    void should_retrain_when_a_phrasing_changes() {
        build(faqs, RetrievalSettings.DEFAULT);
        List<Faq> taught = new ArrayList<>(faqs);
        taught.set(0, faqs.get(0).withExtraQuestions(List.of("a phrasing an agent taught the bot")));

        RetrievalIndex changed = build(taught, RetrievalSettings.DEFAULT);
        RetrievalIndex again = build(taught, RetrievalSettings.DEFAULT);

        assertThat(changed.restored()).isFalse();
        assertThat(again.restored()).as("the retrained index was kept").isTrue();
        assertThat(rankings(again)).isEqualTo(rankings(changed));
    }

    @Test
    void should_retrain_when_the_target_fallback_rate_changes() {
        build(faqs, RetrievalSettings.DEFAULT);

        RetrievalIndex other = build(faqs, new RetrievalSettings(null, 0.05, 0.8));

        assertThat(other.restored()).isFalse();
    }

    @Test
    void should_apply_a_fixed_fallback_threshold_to_a_stored_index() {
        build(faqs, RetrievalSettings.DEFAULT);

        RetrievalIndex fixed = build(faqs, new RetrievalSettings(0.3, 0.02, 0.8));

        assertThat(fixed.restored()).isTrue();
        assertThat(fixed.calibration().threshold()).isEqualTo(0.3);
        assertThat(fixed.calibration().overridden()).isTrue();
    }

    @Test
    void should_retrain_and_replace_a_damaged_index_file() throws Exception {
        RetrievalIndex fresh = build(faqs, RetrievalSettings.DEFAULT);
        Path file = dir.resolve("all-MiniLM-L6-v2.index");
        byte[] whole = Files.readAllBytes(file);
        whole[whole.length / 2] ^= 0x40;
        Files.write(file, whole);

        RetrievalIndex rebuilt = build(faqs, RetrievalSettings.DEFAULT);
        Files.write(file, java.util.Arrays.copyOf(whole, 100));
        RetrievalIndex afterTruncation = build(faqs, RetrievalSettings.DEFAULT);
        RetrievalIndex repaired = build(faqs, RetrievalSettings.DEFAULT);

        assertThat(rebuilt.restored()).isFalse();
        assertThat(afterTruncation.restored()).isFalse();
        assertThat(repaired.restored()).as("the damaged file was replaced by a whole one").isTrue();
        assertThat(rankings(repaired)).isEqualTo(rankings(fresh));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void should_not_keep_a_trial_build() {
        RetrievalIndex.build(faqs, new Embedder(EmbeddingChoice.MINILM, dir), RetrievalSettings.DEFAULT, false);

        assertThat(dir.resolve("all-MiniLM-L6-v2.index")).doesNotExist();
    }
}
