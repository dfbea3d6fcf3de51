package touchpoint.chat;

import java.util.function.BiFunction;

/**
 * One step of the customer's turn. Which step it fills, and so where it runs, is {@link #step()}; the order is
 * {@link TurnStep}'s and nowhere else.
 */
public interface CustomerTurnHandler {

    TurnStep step();

    /**
     * Without side effects: what this step does with a message with this text in this state (the state as if the
     * message were already stored). Called before the conversation's lock, to tell whether the bot's answer is worth
     * preparing there, and again inside the lock on the locked state, where the returned decision is carried out.
     */
    TurnDecision decide(ConversationState state, String text);

    /** A step made of a function, for rules small enough to be declared where their beans are. */
    static CustomerTurnHandler of(TurnStep step, BiFunction<ConversationState, String, TurnDecision> decide) {
        return new CustomerTurnHandler() {
            @Override
            public TurnStep step() {
                return step;
            }

            @Override
            public TurnDecision decide(ConversationState state, String text) {
                return decide.apply(state, text);
            }
        };
    }
}
