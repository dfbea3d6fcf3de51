package touchpoint.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One revision of an FAQ as the knowledge engine needs it: the same fields as a faq-content file
 * (and as {@code touchpoint.knowledge.Faq}), plus the revision it came from.
 *
 * @param id stable identifier, lower-case letters, digits and dashes
 * @param questions approved customer phrasings
 * @param team owning team, may be null
 * @param locale language, {@code en} by default
 * @param body the answer, markdown
 * @param revision the {@code faq_revision.revision} this content was read from
 */
@Serdeable
public record FaqDocument(
        String id,
        String title,
        List<String> questions,
        List<String> tags,
        @Nullable String team,
        String locale,
        String body,
        long revision) {

    public FaqDocument {
        questions = questions == null ? List.of() : List.copyOf(questions);
        tags = tags == null ? List.of() : List.copyOf(tags);
        locale = locale == null || locale.isBlank() ? "en" : locale;
        body = body == null ? "" : body;
    }

    /** Same content, ignoring the revision number: an import of an unchanged file writes nothing. */
    boolean sameContentAs(FaqDocument other) {
        return other != null && id.equals(other.id) && title.equals(other.title) && questions.equals(other.questions)
                && tags.equals(other.tags) && java.util.Objects.equals(team, other.team) && locale.equals(other.locale)
                && body.strip().equals(other.body.strip());
    }

    FaqDocument withRevision(long newRevision) {
        return new FaqDocument(id, title, questions, tags, team, locale, body, newRevision);
    }
}
