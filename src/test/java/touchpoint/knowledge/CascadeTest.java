package touchpoint.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import touchpoint.knowledge.retrieval.EmbeddingChoice;
import touchpoint.knowledge.retrieval.Ranking;

/** The default cascade: MiniLM ranks first, BGE takes the questions MiniLM is not sure of. */
class CascadeTest {

    private static KnowledgeEngine cascade;
    private static KnowledgeEngine bgeOnly;

    @BeforeAll
    static void buildEngines() throws Exception {
        String dir = Path.of(CascadeTest.class.getResource("/knowledge/faq").toURI()).toString();
        cascade = KnowledgeEngine.standalone(KnowledgeConfig.defaults().withFaqDir(dir));
        cascade.reload();
        bgeOnly = KnowledgeEngine.standalone(KnowledgeConfig.defaults().withFaqDir(dir).withEmbeddings(EmbeddingChoice.BGE));
        bgeOnly.reload();
    }

    @Test
    void should_answer_a_clear_question_from_the_small_model() {
        Ranking ranking = cascade.rank(Question.of("I forgot my password and can't sign in"));

        assertThat(ranking.byQuickModel()).isTrue();
        assertThat(ranking.top().orElseThrow().faqId()).isEqualTo("reset-password");
        assertThat(ranking.top().orElseThrow().confidence()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void should_leave_an_off_topic_question_to_the_large_model_and_its_calibration() {
        String offTopic = "What is the airspeed velocity of an unladen swallow?";

        Ranking ranking = cascade.rank(Question.of(offTopic));

        assertThat(ranking.byQuickModel()).isFalse();
        assertThat(ranking.outOfScope()).isTrue();
        assertThat(ranking.inScopeProbability()).isEqualTo(bgeOnly.rank(Question.of(offTopic)).inScopeProbability());
        assertThat(cascade.decide(Question.of(offTopic)).outcome()).isEqualTo(Decision.Outcome.FALLBACK);
    }

    @Test
    void should_rank_exactly_like_the_large_model_when_the_small_one_is_never_sure_enough() throws Exception {
        String dir = Path.of(CascadeTest.class.getResource("/knowledge/faq").toURI()).toString();
        KnowledgeEngine never = KnowledgeEngine.standalone(KnowledgeConfig.defaults().withFaqDir(dir).withCascadeConfidence(1.01));
        never.reload();
        Question question = Question.of("I forgot my password and can't sign in");

        Ranking ranking = never.rank(question);

        assertThat(ranking.byQuickModel()).isFalse();
        assertThat(ranking).isEqualTo(bgeOnly.rank(question));
    }

    @Test
    void should_never_report_the_small_model_without_a_cascade() {
        assertThat(bgeOnly.rank(Question.of("I forgot my password and can't sign in")).byQuickModel()).isFalse();
    }
}
