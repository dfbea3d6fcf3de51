package touchpoint.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import touchpoint.knowledge.content.MarkdownRenderer;
import touchpoint.knowledge.llm.AnswerWriter;
import touchpoint.knowledge.retrieval.Ranking;

/** Turns a ranking into answer, clarify or fallback, and words the reply. */
final class DecisionMaker {

    static final String FALLBACK_TEXT =
            "I don't have an answer for that yet — could you rephrase it, or would you like to talk to a person?";
    static final String CLARIFY_TEXT = AnswerWriter.CLARIFY_QUESTION;
    private static final int MAX_CANDIDATES = 5;
    private static final int MAX_OPTIONS = 3;

    private final double clarifyMargin;
    private final AnswerWriter writer;
    private final MarkdownRenderer renderer;
    private final String fallbackHtml;

    DecisionMaker(double clarifyMargin, AnswerWriter writer, MarkdownRenderer renderer) {
        this.clarifyMargin = clarifyMargin;
        this.writer = writer;
        this.renderer = renderer;
        this.fallbackHtml = renderer.toSafeHtml(FALLBACK_TEXT);
    }

    Decision decide(String text, Ranking ranking, Map<String, FaqView> views) {
        List<Candidate> candidates = new ArrayList<>();
        for (Ranking.Scored s : ranking.ranked()) {
            if (candidates.size() == MAX_CANDIDATES) {
                break;
            }
            FaqView view = views.get(s.faqId());
            candidates.add(new Candidate(s.faqId(), view == null ? s.faqId() : view.title(), s.confidence()));
        }
        if (ranking.outOfScope() || ranking.ranked().isEmpty()) {
            return fallback(candidates);
        }
        List<Ranking.Scored> options = clarifyOptions(ranking.ranked());
        if (options.size() >= 2) {
            List<FaqView> offered = options.stream().map(o -> views.get(o.faqId())).toList();
            StringBuilder prompt = new StringBuilder(writer.clarify(text, offered)).append("\n");
            for (FaqView option : offered) {
                prompt.append("\n- ").append(option.title());
            }
            String markdown = prompt.toString();
            return new Decision(Decision.Outcome.CLARIFY, markdown, renderer.toSafeHtml(markdown),
                    candidates.subList(0, options.size()), List.of());
        }
        List<FaqView> sources = new ArrayList<>();
        for (Ranking.Scored s : ranking.ranked().subList(0, Math.min(MAX_OPTIONS, ranking.ranked().size()))) {
            sources.add(views.get(s.faqId()));
        }
        AnswerWriter.Answer answer = writer.write(text, sources);
        if (!answer.known()) {
            return fallback(candidates);
        }
        // The retrieval writer returns the FAQ body verbatim; its HTML was rendered when the index was built.
        FaqView top = sources.get(0);
        String html = answer.text().equals(top.bodyMarkdown()) ? top.bodyHtml() : renderer.toSafeHtml(answer.text());
        return new Decision(Decision.Outcome.ANSWER, answer.text(), html, candidates, answer.citedFaqIds());
    }

    /** The runners-up whose probability is within the clarify margin of the top one. */
    private List<Ranking.Scored> clarifyOptions(List<Ranking.Scored> ranked) {
        double top = ranked.get(0).probability();
        List<Ranking.Scored> options = new ArrayList<>();
        for (Ranking.Scored s : ranked) {
            if (options.size() == MAX_OPTIONS || top - s.probability() >= clarifyMargin) {
                break;
            }
            options.add(s);
        }
        return options;
    }

    private Decision fallback(List<Candidate> candidates) {
        return new Decision(Decision.Outcome.FALLBACK, FALLBACK_TEXT, fallbackHtml,
                candidates, List.of());
    }
}
