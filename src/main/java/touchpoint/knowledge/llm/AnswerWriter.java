package touchpoint.knowledge.llm;

import java.util.List;
import touchpoint.knowledge.FaqView;

/** Words the reply to a question from the FAQs retrieval found, best first. */
public interface AnswerWriter {

    /** What the bot asks when several FAQs are close; the options themselves are listed after it. */
    String CLARIFY_QUESTION = "Did you mean one of these?";

    Answer write(String question, List<FaqView> sources);

    /** The one-sentence question that asks the customer to choose between {@code options}. */
    default String clarify(String question, List<FaqView> options) {
        return CLARIFY_QUESTION;
    }

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
