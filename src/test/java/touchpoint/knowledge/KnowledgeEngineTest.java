package touchpoint.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import touchpoint.knowledge.retrieval.Calibration;
import touchpoint.knowledge.retrieval.Ranking;

/** One engine for the class: loading the embedding model and building the index takes a few seconds. */
class KnowledgeEngineTest {

    private static KnowledgeEngine engine;

    @BeforeAll
    static void buildEngine() throws Exception {
        String dir = Path.of(KnowledgeEngineTest.class.getResource("/knowledge/faq").toURI()).toString();
        engine = KnowledgeEngine.standalone(KnowledgeConfig.defaults().withFaqDir(dir));
        assertThat(engine.reload().clean()).isTrue();
    }

    @Test
    void should_answer_with_the_matching_faq_and_cite_it() {
        Decision d = engine.decide(Question.of("I forgot my password and can't sign in"));
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.ANSWER);
        assertThat(d.citedFaqIds()).containsExactly("reset-password");
        assertThat(d.text()).contains("Forgot password");
        assertThat(d.html()).contains("<strong>Forgot password</strong>");
        assertThat(d.candidates().get(0).faqId()).isEqualTo("reset-password");
        assertThat(d.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void should_fall_back_honestly_when_nothing_matches() {
        Decision d = engine.decide(Question.of("What is the airspeed velocity of an unladen swallow?"));
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.FALLBACK);
        assertThat(d.text()).isEqualTo(DecisionMaker.FALLBACK_TEXT);
        assertThat(d.citedFaqIds()).isEmpty();
    }

    @Test
    void should_fall_back_on_a_question_of_control_characters_instead_of_failing() {
        Decision d = engine.decide(Question.of("\u0000\u0001\u001f"));

        assertThat(d.outcome()).isEqualTo(Decision.Outcome.FALLBACK);
    }

    @Test
    void should_move_to_the_next_candidate_when_the_top_faq_was_rejected() {
        String question = "How do I return an item?";
        Decision first = engine.decide(Question.of(question));
        assertThat(first.top().orElseThrow().faqId()).isEqualTo("return-item");

        Decision second = engine.decide(new Question(question, "en", List.of(), Set.of("return-item")));
        assertThat(second.candidates()).extracting(Candidate::faqId).doesNotContain("return-item");
        assertThat(second.citedFaqIds()).doesNotContain("return-item");
    }

    @Test
    void should_read_a_short_follow_up_together_with_the_previous_question() {
        Question followUp = new Question("and the password?", "en", List.of("How do I change my delivery address?"), Set.of());
        Ranking withContext = engine.rank(followUp);
        assertThat(withContext.ranked().stream().limit(2).map(Ranking.Scored::faqId))
                .contains("change-address");

        Question standalone = new Question("Which payment methods do you accept for orders?", "en",
                List.of("How do I change my delivery address?"), Set.of());
        assertThat(engine.rank(standalone).top().orElseThrow().faqId()).isEqualTo("payment-methods");
    }

    @Test
    void should_calibrate_the_fallback_threshold_between_in_scope_and_left_out_scores() {
        Calibration c = engine.calibration();
        assertThat(c.overridden()).isFalse();
        assertThat(c.outOfScopeMedian()).isLessThan(c.inScopeMedian());
        assertThat(c.threshold()).isLessThan(c.inScopeMedian());
        assertThat(c.threshold()).isGreaterThan(Double.NEGATIVE_INFINITY);
        assertThat(engine.rank(Question.of("When will my money come back after the return?")).outOfScope()).isFalse();
    }

    @Test
    void should_place_the_calibrated_threshold_between_in_scope_and_off_topic_questions() {
        double threshold = engine.calibration().threshold();
        List<String> inScope = List.of("I can't remember my password", "how do I send something back",
                "when are you open on saturday", "can I pay with paypal", "where is my refund");
        List<String> offTopic = List.of("what's the weather in London tomorrow", "tell me a joke",
                "who won the world cup", "give me a recipe for pancakes", "what is 17 times 23");
        double lowestInScope = inScope.stream()
                .mapToDouble(q -> engine.rank(Question.of(q)).inScopeProbability()).min().orElseThrow();
        double highestOffTopic = offTopic.stream()
                .mapToDouble(q -> engine.rank(Question.of(q)).inScopeProbability()).max().orElseThrow();
        assertThat(lowestInScope).isGreaterThan(threshold);
        assertThat(highestOffTopic).isLessThan(threshold);
        assertThat(engine.calibration().inScopeFallbackRate()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void should_expose_sanitized_faq_views() {
        FaqView view = engine.faq("refund-status").orElseThrow();
        assertThat(view.team()).isEqualTo("billing");
        assertThat(view.bodyHtml()).contains("target=\"_blank\"").doesNotContain("<script");
        assertThat(engine.all()).hasSize(8);
        assertThat(engine.faq("nope")).isEmpty();
    }

    @Test
    void should_embed_text_as_a_unit_vector() {
        float[] v = engine.embed("where is my parcel");
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    }
}
