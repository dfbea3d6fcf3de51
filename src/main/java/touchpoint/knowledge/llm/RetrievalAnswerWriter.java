package touchpoint.knowledge.llm;

import java.util.List;
import touchpoint.knowledge.FaqView;

/** The default: the best FAQ's own answer, verbatim. */
public final class RetrievalAnswerWriter implements AnswerWriter {

    @Override
    public Answer write(String question, List<FaqView> sources) {
        if (sources.isEmpty()) {
            return Answer.unknown();
        }
        FaqView top = sources.get(0);
        return new Answer(true, top.bodyMarkdown(), List.of(top.id()));
    }
}
