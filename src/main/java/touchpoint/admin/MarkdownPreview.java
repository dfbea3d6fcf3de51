package touchpoint.admin;

import jakarta.inject.Singleton;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Renders an answer's markdown the way the chat widget will show it, sanitized so the editor can insert it.
 * Same extensions and policy as the knowledge engine's renderer
 * ({@code touchpoint.knowledge.content.MarkdownRenderer} on the knowledge branch); at merge this delegates to
 * it so the preview can never drift from what customers see.
 */
@Singleton
class MarkdownPreview {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a", "pre", "code", "hr", "br", "span")
                    .allowStandardUrlProtocols()
                    .allowAttributes("href").onElements("a")
                    .allowAttributes("title").onElements("a")
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .allowAttributes("target").matching(true, "_blank").onElements("a")
                    .toFactory());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(false).build();

    String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String html = renderer.render(parser.parse(markdown));
        return POLICY.sanitize(html.replace("<a href=", "<a target=\"_blank\" href=")).strip();
    }
}
