package touchpoint.channel;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import touchpoint.chat.Option;
import touchpoint.chat.SurveyPrompt;
import touchpoint.chat.TranscriptEvent;

/**
 * Messages for channels without buttons or markup (mail in plain text, SMS-like bridges): markdown as plain text,
 * a clarify question's options as a numbered list, a survey's scale as the range to answer with; and the
 * customer's typed number read back as the option or score it means.
 */
public final class PlainRendering {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
    private static final Pattern CHOICE = Pattern.compile("\\s*(?:#|no\\.?\\s*|option\\s*)?(\\d{1,3})\\s*[.)]?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCORE = Pattern.compile("\\s*(\\d{1,3})\\s*(?:(?:/|out of|of)\\s*\\d{1,3})?\\s*[.!]?\\s*", Pattern.CASE_INSENSITIVE);

    private PlainRendering() {
    }

    /** "**Reset** your [password](https://x)" → "Reset your password (https://x)": what markup meant, in words. */
    public static String plain(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return TEXT.render(MARKDOWN.parse(markdown)).strip();
    }

    /**
     * The whole message as plain text: its text, then a survey's scale ("Reply with a number from 0 to 10, or Skip.")
     * or the options as a numbered list the customer answers with a number.
     */
    public static String message(TranscriptEvent event) {
        StringBuilder out = new StringBuilder(plain(event.text()));
        if (event.survey() != null) {
            SurveyPrompt s = event.survey();
            appendParagraph(out, "Reply with a number from " + s.min() + " to " + s.max()
                    + (event.options().stream().anyMatch(o -> o.value().equalsIgnoreCase("skip")) ? ", or Skip." : "."));
        } else if (!event.options().isEmpty()) {
            appendParagraph(out, numbered(event.options()) + "\n\nReply with the number of your choice.");
        }
        return out.toString();
    }

    /** "1. Reset my password\n2. Change my email". */
    public static String numbered(List<Option> options) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(i + 1).append(". ").append(options.get(i).label());
        }
        return out.toString();
    }

    /** The option a reply such as "2", "2.", "#2" or "option 2" picks from a numbered list; empty for anything else. */
    public static Optional<Option> choice(List<Option> options, String reply) {
        Matcher m = CHOICE.matcher(reply == null ? "" : reply);
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(1));
        return n >= 1 && n <= options.size() ? Optional.of(options.get(n - 1)) : Optional.empty();
    }

    /** The score a reply such as "8", "8/10" or "8 out of 10" gives on the survey's scale; empty when off the scale. */
    public static Optional<Integer> score(SurveyPrompt survey, String reply) {
        Matcher m = SCORE.matcher(reply == null ? "" : reply);
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(1));
        return n >= survey.min() && n <= survey.max() ? Optional.of(n) : Optional.empty();
    }

    /** Whether a reply could be a number from a list or a scale, worth looking up what was asked. */
    public static boolean looksLikeNumber(String reply) {
        return reply != null && (CHOICE.matcher(reply).matches() || SCORE.matcher(reply).matches());
    }

    private static void appendParagraph(StringBuilder out, String paragraph) {
        if (!out.isEmpty()) {
            out.append("\n\n");
        }
        out.append(paragraph);
    }
}
