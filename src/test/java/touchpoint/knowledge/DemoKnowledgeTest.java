package touchpoint.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.knowledge.retrieval.Ranking;

/** The product's demo knowledge base (faq-content/, a home-goods shop) with the default calibration. */
class DemoKnowledgeTest {

    private static final Logger LOG = LoggerFactory.getLogger(DemoKnowledgeTest.class);

    private static KnowledgeEngine engine;

    @BeforeAll
    static void buildEngine() {
        Path dir = Path.of("faq-content");
        assertThat(Files.isDirectory(dir)).as("demo faq-content directory").isTrue();
        engine = KnowledgeEngine.standalone(KnowledgeConfig.defaults().withFaqDir(dir.toString()));
        assertThat(engine.reload().clean()).isTrue();
    }

    private static Decision decide(String text) {
        Decision d = engine.decide(Question.of(text));
        Ranking r = engine.rank(Question.of(text));
        LOG.info("{} -> {} {} (in scope {})", text, d.outcome(),
                r.ranked().stream().limit(3).map(s -> s.faqId() + String.format(" %.2f", s.probability())).toList(),
                String.format(Locale.ROOT, "%.3f", r.inScopeProbability()));
        return d;
    }

    @Test
    void should_answer_a_clear_in_scope_question() {
        Decision d = decide("How long does it take to get my refund?");
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.ANSWER);
        assertThat(d.citedFaqIds()).containsExactly("refund-timing");
    }

    @Test
    void should_ask_which_refund_question_is_meant() {
        Decision d = decide("refund");
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.CLARIFY);
        assertThat(d.candidates()).extracting(Candidate::faqId).contains("refund-timing");
    }

    private static Decision decideAfter(String previous, String text) {
        return engine.decide(new Question(text, "en", java.util.List.of(previous), java.util.Set.of()));
    }

    @Test
    void should_answer_a_short_new_question_on_its_own_topic_not_the_previous_one() {
        Decision d = decideAfter("the lamp I got is broken", "I was charged twice");
        assertThat(d.citedFaqIds()).containsExactly("charged-twice");
    }

    @Test
    void should_still_fall_back_on_a_short_off_topic_question_after_a_shop_question() {
        assertThat(decideAfter("I was charged twice", "what's the weather tomorrow").outcome()).isEqualTo(Decision.Outcome.FALLBACK);
    }

    @Test
    void should_read_a_follow_up_with_the_previous_question() {
        Decision d = decideAfter("Do you deliver to France?", "and to Ireland?");
        assertThat(d.candidates()).extracting(Candidate::faqId).first().isEqualTo("international-delivery");
    }

    @Test
    void should_fall_back_on_general_knowledge_questions() {
        assertThat(decide("what's the capital of france").outcome()).isEqualTo(Decision.Outcome.FALLBACK);
    }

    @Test
    void should_fall_back_on_requests_the_shop_does_not_handle() {
        assertThat(decide("find me a hotel in Barcelona for two nights").outcome()).isEqualTo(Decision.Outcome.FALLBACK);
        assertThat(decide("tell me a joke").outcome()).isEqualTo(Decision.Outcome.FALLBACK);
    }

    // Known limit: the embedding puts this request as close to "change my delivery day" phrasings as a
    // loosely worded in-scope question (cosine just above the calibrated cut), and the ranking is confident,
    // so no absolute-similarity threshold that keeps in-scope fallbacks near the target catches it.
    @Disabled("known limit: lands next to the delivery-slot FAQ; see docs/knowledge.md")
    @Test
    void should_fall_back_on_a_flight_booking() {
        assertThat(decide("can you book me a flight to Rome").outcome()).isEqualTo(Decision.Outcome.FALLBACK);
    }
}
