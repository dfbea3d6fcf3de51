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
}
