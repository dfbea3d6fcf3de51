package touchpoint.chat;

import io.micronaut.core.order.Ordered;

/**
 * One rule for responding to a customer message. Handlers run in {@link #getOrder()} order until one
 * handles the turn; escalation and survey rules sit before the bot's own answering.
 */
public interface CustomerTurnHandler extends Ordered {

    int CLARIFY_CHOICE = 100;
    int NOT_HELPFUL = 200;
    int SMALL_TALK = 300;
    int KNOWLEDGE = 1000;

    /** @return true when this handler responded (or deliberately stayed silent) and later handlers must not run */
    boolean handle(CustomerTurn turn);

    /**
     * Without side effects: could {@link #handle} take a message with this text in this state (the state as if
     * the message were already stored)? The bot's answer is prepared before the conversation's lock only when
     * the first handler that may take the turn is the knowledge handler, so no embedding or language-model call
     * is spent on a message another rule takes. Answer true when unsure: the turn is then decided inside the
     * lock, as it always can be.
     */
    default boolean mayTake(ConversationState state, String text) {
        return true;
    }
}
