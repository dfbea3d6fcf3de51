package touchpoint.knowledge.llm;

import java.util.List;
import touchpoint.knowledge.FaqView;

/** Words the reply to a question from the FAQs retrieval found, best first. */
public interface AnswerWriter {

    Answer write(String question, List<FaqView> sources);

    /**
     * @param known false when the writer found the sources do not answer the question
     * @param text the reply, markdown
     * @param citedFaqIds the sources the reply is built from
     */
    record Answer(boolean known, String text, List<String> citedFaqIds) {
        public Answer {
            citedFaqIds = List.copyOf(citedFaqIds);
        }

        public static Answer unknown() {
            return new Answer(false, "", List.of());
        }
    }
}
