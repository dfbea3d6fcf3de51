package touchpoint.knowledge.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import touchpoint.knowledge.Faq;

class FaqLoaderTest {

    private static LoadReport report;

    @BeforeAll
    static void load() throws Exception {
        report = new FaqLoader().load(Path.of(FaqLoaderTest.class.getResource("/knowledge/bad").toURI()));
    }

    private static LoadProblem problemFor(String file) {
        return report.problems().stream().filter(p -> p.path().endsWith(file)).findFirst().orElseThrow();
    }

    @Test
    void should_keep_serving_the_good_files_when_others_are_bad() {
        assertThat(report.faqs()).extracting(Faq::id).containsExactly("good-one");
        assertThat(report.problems()).hasSize(5);
        assertThat(report.clean()).isFalse();
    }

    @Test
    void should_report_missing_id_with_path_and_line() {
        LoadProblem p = problemFor("missing-id.md");
        assertThat(p.reason()).isEqualTo("missing id");
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.toString()).contains("missing-id.md:1");
    }

    @Test
    void should_report_bad_yaml_at_the_offending_line() {
        LoadProblem p = problemFor("bad-yaml.md");
        assertThat(p.reason()).startsWith("bad YAML");
        assertThat(p.line()).isBetween(6, 7);
    }

    @Test
    void should_report_empty_body_after_the_front_matter() {
        LoadProblem p = problemFor("empty-body.md");
        assertThat(p.reason()).startsWith("empty body");
        assertThat(p.line()).isEqualTo(6);
    }

    @Test
    void should_report_missing_front_matter() {
        assertThat(problemFor("no-front-matter.md").reason()).startsWith("missing front matter");
    }

    @Test
    void should_report_duplicate_id_at_its_line_and_name_the_first_file() {
        LoadProblem p = problemFor("same-id-again.md");
        assertThat(p.reason()).contains("duplicate id 'good-one'").contains("good.md");
        assertThat(p.line()).isEqualTo(3);
    }

    @Test
    void should_serve_an_empty_knowledge_base_when_the_directory_is_missing() {
        LoadReport missing = new FaqLoader().load(Path.of("does-not-exist-" + System.nanoTime()));
        assertThat(missing.faqs()).isEmpty();
        assertThat(missing.problems()).singleElement().extracting(LoadProblem::reason).isEqualTo("directory not found");
    }
}
