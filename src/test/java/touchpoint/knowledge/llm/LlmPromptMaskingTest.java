package touchpoint.knowledge.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmPromptMaskingTest {

    @Test
    void should_mask_personal_data_in_the_customers_question_and_transcript_before_a_prompt_is_filled() {
        Map<String, String> vars = Llm.masked(Map.of(
                "question", "I'm ann.smith@example.com, call +44 20 7946 0958, card 4111 1111 1111 1111",
                "transcript", "Customer: my email is bob@example.org"));

        assertThat(vars.get("question")).doesNotContain("ann.smith@example.com").doesNotContain("7946")
                .doesNotContain("4111 1111 1111 1111").contains("[email]").contains("[phone]").contains("[card ****1111]");
        assertThat(vars.get("transcript")).doesNotContain("bob@example.org");
    }

    @Test
    void should_leave_staff_written_faq_text_as_it_is() {
        String faqs = "Write to help@hearthpine.example or call 0800 123 4567.";

        Map<String, String> vars = Llm.masked(Map.of("faqs", faqs, "options", faqs));

        assertThat(vars).containsEntry("faqs", faqs).containsEntry("options", faqs);
    }
}
