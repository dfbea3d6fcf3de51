package touchpoint.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KnowledgeRebuildTest {

    private static KnowledgeEngine engine;

    private static Faq faq(String id, String title, String body, String... questions) {
        return new Faq(id, title, List.of(questions), List.of(), null, "en", body);
    }

    @BeforeAll
    static void buildEngine() {
        engine = KnowledgeEngine.standalone(KnowledgeConfig.defaults().withFaqDir("does-not-exist"));
        engine.rebuild(List.of(
                faq("opening-hours", "When are you open?", "Mon-Fri 8-18.", "What are your opening hours?", "When can I call you?"),
                faq("delivery-time", "How long does delivery take?", "2-4 days.", "When will my order arrive?", "Shipping time")));
    }

    @Test
    void should_serve_a_published_faq_after_upsert_and_forget_it_after_remove() {
        engine.upsert(faq("gift-cards", "Gift cards", "Gift cards never expire.",
                "Do gift cards expire?", "How long is a gift card valid?", "Can I buy a gift voucher?"));
        Decision d = engine.decide(Question.of("does my gift card expire?"));
        assertThat(d.top().orElseThrow().faqId()).isEqualTo("gift-cards");
        assertThat(engine.faq("gift-cards")).isPresent();

        assertThat(engine.remove("gift-cards")).isTrue();
        assertThat(engine.faq("gift-cards")).isEmpty();
        assertThat(engine.remove("gift-cards")).isFalse();
    }

    @Test
    void should_fall_back_on_everything_when_the_knowledge_base_is_empty() {
        KnowledgeEngine empty = KnowledgeEngine.standalone(KnowledgeConfig.defaults().withFaqDir("does-not-exist"));
        assertThat(empty.loadReport().faqs()).isEmpty();
        assertThat(empty.decide(Question.of("hello?")).outcome()).isEqualTo(Decision.Outcome.FALLBACK);
    }
}
