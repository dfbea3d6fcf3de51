package touchpoint.knowledge.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import touchpoint.knowledge.Faq;

class FaqParserTest {

    private final FaqParser parser = new FaqParser();

    @Test
    void should_parse_front_matter_and_body() {
        String file = """
                ---
                id: refund-status
                title: Where is my refund?
                questions:
                  - "Where is my refund?"
                  - How long does a refund take?
                tags: [billing, refunds]
                team: billing
                ---
                Refunds take **5 days**.
                """;
        FaqParser.Result result = parser.parse("faq/refund-status.md", file);
        assertThat(result.ok()).isTrue();
        Faq faq = result.faq();
        assertThat(faq.id()).isEqualTo("refund-status");
        assertThat(faq.title()).isEqualTo("Where is my refund?");
        assertThat(faq.questions()).containsExactly("Where is my refund?", "How long does a refund take?");
        assertThat(faq.tags()).containsExactly("billing", "refunds");
        assertThat(faq.team()).isEqualTo("billing");
        assertThat(faq.locale()).isEqualTo("en");
        assertThat(faq.bodyMarkdown()).isEqualTo("Refunds take **5 days**.");
        assertThat(result.idLine()).isEqualTo(2);
    }

    @Test
    void should_reject_an_id_that_is_not_a_slug() {
        FaqParser.Result result = parser.parse("x.md", "---\nid: Not A Slug\ntitle: t\n---\nbody\n");
        assertThat(result.ok()).isFalse();
        assertThat(result.problem().reason()).startsWith("bad id");
        assertThat(result.problem().line()).isEqualTo(2);
    }

    @Test
    void should_reject_questions_that_are_not_a_list() {
        FaqParser.Result result = parser.parse("x.md", "---\nid: a\ntitle: t\nquestions: just one\n---\nbody\n");
        assertThat(result.problem().reason()).startsWith("bad questions");
        assertThat(result.problem().line()).isEqualTo(4);
    }

    @Test
    void should_report_unclosed_front_matter() {
        FaqParser.Result result = parser.parse("x.md", "---\nid: a\ntitle: t\nbody without end\n");
        assertThat(result.problem().reason()).contains("no closing '---'");
    }
}
