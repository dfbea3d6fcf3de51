package touchpoint.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import touchpoint.knowledge.content.MarkdownRenderer;
import touchpoint.knowledge.llm.RetrievalAnswerWriter;
import touchpoint.knowledge.retrieval.Ranking;
import touchpoint.knowledge.retrieval.Ranking.Scored;

class DecisionMakerTest {

    private final DecisionMaker maker = new DecisionMaker(0.3, new RetrievalAnswerWriter(), new MarkdownRenderer());
    private final Map<String, FaqView> views = Map.of(
            "a", view("a", "Return an item"),
            "b", view("b", "Where is my refund?"),
            "c", view("c", "Cancel an order"),
            "d", view("d", "Opening hours"));

    private static FaqView view(String id, String title) {
        return new FaqView(id, title, List.of(), List.of(), null, "en", "Body of " + id, "<p>Body of " + id + "</p>");
    }

    private static Ranking ranking(boolean outOfScope, double... probabilities) {
        String[] ids = {"a", "b", "c", "d"};
        List<Scored> ranked = new java.util.ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            ranked.add(new Scored(ids[i], probabilities[i], probabilities[i] * 0.9, 10 - i));
        }
        return new Ranking(ranked, 10, outOfScope, 0.9);
    }

    @Test
    void should_answer_when_the_top_candidate_clearly_wins() {
        Decision d = maker.decide("q", ranking(false, 0.8, 0.1, 0.05, 0.05), views);
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.ANSWER);
        assertThat(d.text()).isEqualTo("Body of a");
        assertThat(d.citedFaqIds()).containsExactly("a");
    }

    @Test
    void should_offer_the_close_candidates_when_the_top_ones_are_close() {
        Decision d = maker.decide("q", ranking(false, 0.4, 0.35, 0.2, 0.05), views);
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.CLARIFY);
        assertThat(d.candidates()).extracting(Candidate::faqId).containsExactly("a", "b", "c");
        assertThat(d.text()).startsWith(DecisionMaker.CLARIFY_TEXT).contains("- Return an item").contains("- Where is my refund?");
        assertThat(d.html()).contains("<li>");
        assertThat(d.citedFaqIds()).isEmpty();
    }

    @Test
    void should_fall_back_below_the_threshold_but_still_report_candidates() {
        Decision d = maker.decide("q", ranking(true, 0.9, 0.05, 0.03, 0.02), views);
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.FALLBACK);
        assertThat(d.text()).isEqualTo(DecisionMaker.FALLBACK_TEXT);
        assertThat(d.candidates()).isNotEmpty();
    }
}
