package touchpoint.knowledge;

import java.util.List;

/** A published FAQ as other features see it; {@code bodyHtml} is sanitized. */
public record FaqView(
        String id,
        String title,
        List<String> questions,
        List<String> tags,
        String team,
        String locale,
        String bodyMarkdown,
        String bodyHtml) {
}
