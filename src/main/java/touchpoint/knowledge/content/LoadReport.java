package touchpoint.knowledge.content;

import java.util.List;
import touchpoint.knowledge.Faq;

/** The outcome of loading a faq-content directory: the FAQs that are served and the files that are not. */
public record LoadReport(String source, List<Faq> faqs, List<LoadProblem> problems) {

    public LoadReport {
        faqs = List.copyOf(faqs);
        problems = List.copyOf(problems);
    }

    public static LoadReport empty(String source) {
        return new LoadReport(source, List.of(), List.of());
    }

    public boolean clean() {
        return problems.isEmpty();
    }
}
