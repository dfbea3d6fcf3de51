package touchpoint.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * One FAQ as the engine indexes it: parsed from a faq-content file or supplied by the admin feature.
 *
 * @param id stable identifier, lower-case letters, digits and dashes
 * @param questions the approved phrasings customers use for it
 * @param team the team that owns the answer, may be null
 * @param locale language of the FAQ, {@code en} when not given
 * @param bodyMarkdown the answer, markdown
 */
public record Faq(
        String id,
        String title,
        List<String> questions,
        List<String> tags,
        String team,
        String locale,
        String bodyMarkdown) {

    public Faq {
        Objects.requireNonNull(id, "id");
        title = title == null ? id : title;
        questions = questions == null ? List.of() : List.copyOf(questions);
        tags = tags == null ? List.of() : List.copyOf(tags);
        locale = locale == null || locale.isBlank() ? "en" : locale;
        bodyMarkdown = bodyMarkdown == null ? "" : bodyMarkdown;
    }

    /** A copy with more approved phrasings (agents teaching the bot); duplicates are dropped. */
    public Faq withExtraQuestions(List<String> extra) {
        var merged = new java.util.LinkedHashSet<>(questions);
        merged.addAll(extra);
        return new Faq(id, title, List.copyOf(merged), tags, team, locale, bodyMarkdown);
    }
}
