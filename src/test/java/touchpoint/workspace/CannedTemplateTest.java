package touchpoint.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CannedTemplateTest {

    private static String expand(String body, Map<String, String> values) {
        return CannedTemplate.expand(body, values, id -> id.equals("returns") ? Optional.of("Return within 30 days.") : Optional.empty());
    }

    @Test
    void should_fill_in_known_names() {
        assertThat(expand("Hi {{customer.name}}, I am {{ agent.name }}.", Map.of("customer.name", "Ada", "agent.name", "Sam")))
                .isEqualTo("Hi Ada, I am Sam.");
    }

    @Test
    void should_use_the_fallback_when_the_name_is_unknown() {
        assertThat(expand("Hi {{customer.name | there}}!", Map.of())).isEqualTo("Hi there!");
    }

    @Test
    void should_leave_no_gap_for_an_unknown_name_without_fallback() {
        assertThat(expand("Hi {{customer.name}}, thanks {{customer.name}}!", Map.of())).isEqualTo("Hi, thanks!");
    }

    @Test
    void should_insert_an_faqs_answer_and_fall_back_for_an_unknown_faq() {
        assertThat(expand("Sure. {{faq:returns}}", Map.of())).isEqualTo("Sure. Return within 30 days.");
        assertThat(expand("{{faq:nope | See our help centre.}}", Map.of())).isEqualTo("See our help centre.");
    }

    @Test
    void should_keep_a_name_that_is_no_variable_as_written() {
        assertThat(expand("Hi {{customer.nmae}}", Map.of("customer.name", "Ada"))).isEqualTo("Hi {{customer.nmae}}");
    }

    @Test
    void should_not_read_a_value_as_a_replacement_pattern() {
        assertThat(expand("Hi {{customer.name}}", Map.of("customer.name", "$1 \\ Bob"))).isEqualTo("Hi $1 \\ Bob");
    }
}
