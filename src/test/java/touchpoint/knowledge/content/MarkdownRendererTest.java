package touchpoint.knowledge.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void should_strip_scripts_and_event_handlers() {
        String html = renderer.toSafeHtml("""
                Hello <script>alert('x')</script>
                
                <img src="https://example.com/a.png" onerror="alert(1)">
                
                <a href="javascript:alert(1)" onclick="steal()">click</a>
                """);
        assertThat(html).doesNotContain("<script").doesNotContain("alert").doesNotContain("onerror")
                .doesNotContain("onclick").doesNotContain("javascript:");
    }

    @Test
    void should_render_markdown_and_open_links_safely_in_a_new_tab() {
        String html = renderer.toSafeHtml("**Bold** and [help](https://example.com/help)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        assertThat(html).contains("<strong>Bold</strong>")
                .contains("href=\"https://example.com/help\"")
                .contains("target=\"_blank\"")
                .contains("nofollow").contains("noopener")
                .contains("<table>");
    }

    @Test
    void should_render_nothing_for_a_blank_body() {
        assertThat(renderer.toSafeHtml("  ")).isEmpty();
    }
}
