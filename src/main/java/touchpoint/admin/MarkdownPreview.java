package touchpoint.admin;

import jakarta.inject.Singleton;
import touchpoint.knowledge.FaqFormat;

/**
 * Renders an answer's markdown exactly the way customers will see it: the knowledge engine's own renderer, so
 * the editor's preview can never drift from what the bot sends.
 */
@Singleton
class MarkdownPreview {

    String toSafeHtml(String markdown) {
        return FaqFormat.toSafeHtml(markdown);
    }
}
