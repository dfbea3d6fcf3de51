package touchpoint.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import touchpoint.knowledge.retrieval.EmbeddingChoice;

/** A restart with unchanged knowledge reads what the last build trained, and decides exactly as that build did. */
class KnowledgeRestartTest {

    private static final List<String> QUESTIONS = List.of("I forgot my password and can't sign in",
            "where is my parcel", "can I pay with paypal", "how do I return an item?", "refund please",
            "What is the airspeed velocity of an unladen swallow?", "do you ship to Norway", "cancel my order",
            "my card was charged twice", "password", "it arrived broken", "how long does delivery take");

    @TempDir
    Path data;

    private KnowledgeEngine start() throws Exception {
        String faqDir = Path.of(getClass().getResource("/knowledge/faq").toURI()).toString();
        KnowledgeEngine engine = KnowledgeEngine.standalone(new KnowledgeConfig(faqDir, EmbeddingChoice.CASCADE, 0.8,
                null, 0.02, 0.3, 4, data.toString()));
        engine.reload();
        return engine;
    }

    @Test
    void should_decide_as_the_first_start_did_when_restarted_on_the_stored_index() throws Exception {
        KnowledgeEngine firstStart = start();
        List<Decision> first = QUESTIONS.stream().map(q -> firstStart.decide(Question.of(q))).toList();
        Path small = data.resolve("all-MiniLM-L6-v2.index");
        Path large = data.resolve("bge-small-en-v1.5.index");
        FileTime smallWritten = Files.getLastModifiedTime(small);
        FileTime largeWritten = Files.getLastModifiedTime(large);

        KnowledgeEngine restarted = start();
        List<Decision> again = QUESTIONS.stream().map(q -> restarted.decide(Question.of(q))).toList();

        assertThat(again).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(small)).as("read, not retrained").isEqualTo(smallWritten);
        assertThat(Files.getLastModifiedTime(large)).as("read, not retrained").isEqualTo(largeWritten);
    }
}
