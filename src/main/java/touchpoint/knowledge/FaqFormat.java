package touchpoint.knowledge;

import io.micronaut.core.annotation.Nullable;
import touchpoint.knowledge.content.FaqParser;
import touchpoint.knowledge.content.MarkdownRenderer;

/**
 * The faq-content file format and answer markdown exactly as the engine reads and renders them, for the feature
 * that edits FAQs: a file the editor accepts is one the engine loads, and a preview is what customers see.
 */
public final class FaqFormat {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    private FaqFormat() {
    }

    /** Either an FAQ or the first problem with its 1-based line. */
    public record Parsed(@Nullable Faq faq, int problemLine, @Nullable String problem) {
        public boolean ok() {
            return faq != null;
        }
    }

    public static Parsed parse(String content) {
        FaqParser.Result parsed = new FaqParser().parse("", content);
        return parsed.ok() ? new Parsed(parsed.faq(), 0, null)
                : new Parsed(null, parsed.problem().line(), parsed.problem().reason());
    }

    public static String toSafeHtml(String markdown) {
        return RENDERER.toSafeHtml(markdown);
    }
}
