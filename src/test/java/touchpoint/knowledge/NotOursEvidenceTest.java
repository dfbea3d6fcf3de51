package touchpoint.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo shop's engine given "not ours" examples the way an admin gives them. */
class NotOursEvidenceTest {

    private static KnowledgeEngine engine;

    @BeforeAll
    static void buildEngine() {
        engine = KnowledgeEngine.standalone(KnowledgeConfig.defaults().withFaqDir("faq-content"));
        assertThat(engine.reload().clean()).isTrue();
    }

    private static Decision.Outcome decide(String text) {
        return engine.decide(Question.of(text)).outcome();
    }

    @Test
    void should_fall_back_on_a_question_like_a_not_ours_example_and_keep_answering_the_shops_own() throws IOException {
        String offTopic = "how do I cancel my netflix subscription";
        engine.notOurs(List.of());
        assertThat(decide(offTopic)).as("before: the threshold alone takes it for cancel-an-order").isNotEqualTo(Decision.Outcome.FALLBACK);

        engine.notOurs(List.of("how can I cancel my Netflix membership", "how do I cancel my Spotify premium subscription",
                "what's the weather tomorrow"));

        assertThat(engine.rank(Question.of(offTopic)).notOurs()).isTrue();
        assertThat(decide(offTopic)).isEqualTo(Decision.Outcome.FALLBACK);
        assertThat(decide("How do I cancel my order?")).isEqualTo(Decision.Outcome.ANSWER);
        ObjectMapper json = ObjectMapper.getDefault();
        for (String line : Files.readAllLines(Path.of("src/test/resources/knowledge/shop-in-scope.jsonl"))) {
            if (!line.isBlank()) {
                String question = (String) json.readValue(line, Map.class).get("text");
                assertThat(engine.rank(Question.of(question)).notOurs()).as(question).isFalse();
            }
        }

        engine.notOurs(List.of());
        assertThat(decide(offTopic)).as("removed again").isNotEqualTo(Decision.Outcome.FALLBACK);
    }
}
