package touchpoint.chat;

import java.util.Optional;
import touchpoint.knowledge.Decision;
import touchpoint.knowledge.Question;

/**
 * The knowledge base's decision, made before the conversation's lock, for the question it was made for. Inside
 * the lock it is used only when the question, read from the state there, is still exactly the same (same words,
 * same earlier questions, same rejected answers); otherwise the bot decides again.
 */
public record PreparedAnswer(Question question, Decision decision) {

    /** Nothing prepared: the bot decides inside the lock. */
    public static final PreparedAnswer NONE = new PreparedAnswer(null, null);

    public Optional<Decision> decisionFor(Question asked) {
        return question != null && question.equals(asked) ? Optional.of(decision) : Optional.empty();
    }
}
