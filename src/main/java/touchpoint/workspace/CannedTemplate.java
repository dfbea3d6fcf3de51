package touchpoint.workspace;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A canned reply's body with its variables filled in. {@code {{customer.name}}}, {@code {{agent.name}}} and
 * {@code {{faq:<id>}}} (that FAQ's answer) are known; {@code {{customer.name | there}}} says what to write when the
 * value is unknown. An unknown value without a fallback leaves no gap behind ("Hi {{customer.name}}," becomes "Hi,"),
 * and a name that is not a variable at all stays as written, so a typo shows in the editor's preview.
 */
final class CannedTemplate {

    static final Set<String> VARIABLES = Set.of("customer.name", "agent.name");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z]+(?:\\.[a-z]+|:[A-Za-z0-9_.-]+))\\s*(?:\\|\\s*([^}]*?)\\s*)?}}");

    private CannedTemplate() {
    }

    /**
     * @param values the known variables' values (absent ones unknown)
     * @param faqAnswer an FAQ's answer by id, empty when there is no such FAQ
     */
    static String expand(String body, Map<String, String> values, Function<String, Optional<String>> faqAnswer) {
        Matcher m = VARIABLE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String fallback = m.group(2);
            String value;
            if (name.startsWith("faq:")) {
                value = faqAnswer.apply(name.substring(4)).orElse(fallback);
            } else if (VARIABLES.contains(name)) {
                String known = values.get(name);
                value = known == null || known.isBlank() ? fallback : known;
            } else {
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "\u0000" : value));
        }
        m.appendTail(out);
        // An unknown value with no fallback takes the space before it and any space before punctuation with it.
        return out.toString().replaceAll("[ \\t]*\u0000[ \\t]*(?=[,.!?;:])", "").replaceAll("[ \\t]*\u0000", "").strip();
    }
}
