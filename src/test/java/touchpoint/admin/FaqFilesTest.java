package touchpoint.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FaqFilesTest {

    @Test
    void should_read_every_shipped_content_file_and_write_it_back_to_the_same_faq() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("faq-content"))) {
            files = s.filter(p -> p.toString().endsWith(".md")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            FaqFiles.Parsed parsed = FaqFiles.read(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(parsed.ok()).as(file + ": " + parsed.problem()).isTrue();
            FaqFiles.Parsed again = FaqFiles.read(FaqFiles.write(parsed.faq()));
            assertThat(again.faq()).as(file.toString()).isEqualTo(parsed.faq());
        }
    }

    @Test
    void should_report_problems_with_their_line() {
        assertThat(FaqFiles.read("no front matter").line()).isEqualTo(1);
        assertThat(FaqFiles.read("---\nid: x\ntitle: t\n").problem()).contains("no closing");
        FaqFiles.Parsed badId = FaqFiles.read("---\ntitle: t\nid: Not Valid\n---\nbody");
        assertThat(badId.line()).isEqualTo(3);
        assertThat(badId.problem()).contains("bad id");
        assertThat(FaqFiles.read("---\nid: x\ntitle: t\nquestions: {a: 1}\n---\nbody").problem()).contains("questions");
        assertThat(FaqFiles.read("---\nid: x\ntitle: t\nauthor: me\n---\nbody").problem()).contains("unknown key 'author'");
    }

    @Test
    void should_diff_bodies_by_line_and_name_changed_fields() {
        FaqDocument before = new FaqDocument("x", "Old", List.of("q1"), List.of("a"), null, "en", "same\nold\nend", 1);
        FaqDocument after = new FaqDocument("x", "New", List.of("q1", "q2"), List.of("a"), "support", "en", "same\nnew\nend", 2);

        assertThat(RevisionDiff.fields(before, after)).extracting(RevisionDiff.FieldChange::field).containsExactly("title", "questions", "team");
        assertThat(RevisionDiff.body(before, after)).extracting(l -> l.op() + l.text())
                .containsExactly("=same", "-old", "+new", "=end");
        assertThat(RevisionDiff.body(null, after)).extracting(RevisionDiff.Line::op).containsOnly("+");
    }

    @Test
    void should_slug_titles_into_ids() {
        assertThat(FaqController.slug("How do I cancel my order?")).isEqualTo("how-do-i-cancel-my-order");
        assertThat(FaqController.slug("Crème brûlée — délivery!")).isEqualTo("creme-brulee-delivery");
        assertThat(FaqController.slug("???")).isEqualTo("faq");
    }
}
