package touchpoint.knowledge.content;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/** Markdown to HTML that is safe to insert into the chat widget: no scripts, handlers or unsafe URLs. */
public final class MarkdownRenderer {

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
                    // Answers link out to help pages; open them beside the chat and don't leak the opener.
                    .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                    .allowAttributes("target").matching(true, "_blank").onElements("a")
                    .toFactory());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(false).build();

    public String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String html = renderer.render(parser.parse(markdown));
        return POLICY.sanitize(html.replace("<a href=", "<a target=\"_blank\" href=")).strip();
    }
}
