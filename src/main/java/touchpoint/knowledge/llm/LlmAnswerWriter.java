package touchpoint.knowledge.llm;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import touchpoint.knowledge.FaqView;

/**
 * Lets the language model rephrase the retrieved FAQs as a reply to the customer's words. The model may
 * only use those FAQs, must cite the ids it used, and says it doesn't know otherwise. Anything else
 * (disabled, error, timeout, no valid citation) falls back to the retrieved FAQ text. When FAQs are close,
 * it also words the question that asks the customer to choose.
 */
@Singleton
public class LlmAnswerWriter implements AnswerWriter {

    static final String PROMPT = "answer";
    static final String CLARIFY_PROMPT = "clarify";
    private static final int MAX_CLARIFY_LENGTH = 300;
    static final String UNKNOWN_MARKER = "I don't know";
    private static final Pattern SOURCES = Pattern.compile("(?im)^\\s*sources?\\s*:\\s*(.*)$");

    private final Llm llm;
    private final AnswerWriter fallback = new RetrievalAnswerWriter();

    public LlmAnswerWriter(Llm llm) {
        this.llm = llm;
    }

    @Override
    public Answer write(String question, List<FaqView> sources) {
        if (!llm.enabled() || sources.isEmpty()) {
            return fallback.write(question, sources);
        }
        Optional<String> reply = llm.complete(PROMPT, Map.of("question", question, "faqs", describe(sources)));
        if (reply.isEmpty()) {
            return fallback.write(question, sources);
        }
        return parse(reply.get(), sources).orElseGet(() -> fallback.write(question, sources));
    }

    /**
     * The model's question for choosing between close FAQs (prompt {@code clarify}); the plain question when
     * there is no model, it fails, or its reply is empty or longer than a sentence or two.
     */
    @Override
    public String clarify(String question, List<FaqView> options) {
        if (!llm.enabled() || options.isEmpty()) {
            return CLARIFY_QUESTION;
        }
        String topics = options.stream().map(o -> "- " + o.title()).collect(java.util.stream.Collectors.joining("\n"));
        return llm.complete(CLARIFY_PROMPT, Map.of("question", question, "options", topics))
                .map(String::strip)
                .filter(reply -> !reply.isEmpty() && reply.length() <= MAX_CLARIFY_LENGTH)
                .orElse(CLARIFY_QUESTION);
    }

    /** Empty when the reply cannot be trusted: it cites nothing we gave it and does not admit ignorance. */
    static Optional<Answer> parse(String reply, List<FaqView> sources) {
        List<String> known = sources.stream().map(FaqView::id).toList();
        Matcher m = SOURCES.matcher(reply);
        List<String> cited = new ArrayList<>();
        int sourcesAt = -1;
        while (m.find()) {
            sourcesAt = m.start();
            cited.clear();
            for (String id : m.group(1).split("[,\\s\\[\\]]+")) {
                if (known.contains(id) && !cited.contains(id)) {
                    cited.add(id);
                }
            }
        }
        String body = (sourcesAt >= 0 ? reply.substring(0, sourcesAt) : reply).strip();
        String normalized = body.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
        if (cited.isEmpty() && normalized.startsWith(UNKNOWN_MARKER.toLowerCase(Locale.ROOT))) {
            return Optional.of(Answer.unknown());
        }
        if (cited.isEmpty() || body.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Answer(true, body, cited));
    }

    private static String describe(List<FaqView> sources) {
        StringBuilder out = new StringBuilder();
        for (FaqView faq : sources) {
            out.append("[").append(faq.id()).append("] ").append(faq.title()).append("\n")
                    .append(faq.bodyMarkdown().strip()).append("\n\n");
        }
        return out.toString().strip();
    }
}
