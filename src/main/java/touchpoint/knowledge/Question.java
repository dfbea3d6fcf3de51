package touchpoint.knowledge;

import java.util.List;
import java.util.Set;

/**
 * What the customer asked, with the conversation's context.
 *
 * @param text the customer's words
 * @param locale the conversation's locale, e.g. {@code en}
 * @param context the customer's earlier questions in this conversation, oldest first (for short follow-ups)
 * @param excludeFaqIds FAQs already offered that the customer said did not help
 */
public record Question(String text, String locale, List<String> context, Set<String> excludeFaqIds) {

    public Question {
        context = context == null ? List.of() : List.copyOf(context);
        excludeFaqIds = excludeFaqIds == null ? Set.of() : Set.copyOf(excludeFaqIds);
    }

    public static Question of(String text) {
        return new Question(text, "en", List.of(), Set.of());
    }
}
