package touchpoint.chat;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link CustomerTurnHandler} beans in {@link TurnStep} order, one per step. Built, and checked, at start-up:
 * a step filled twice or left empty would otherwise change how the bot answers without a word in the log.
 */
@Singleton
class CustomerTurnChain {

    private final List<CustomerTurnHandler> steps;

    CustomerTurnChain(List<CustomerTurnHandler> handlers) {
        this.steps = inStepOrder(handlers);
    }

    static List<CustomerTurnHandler> inStepOrder(Collection<CustomerTurnHandler> handlers) {
        Map<TurnStep, CustomerTurnHandler> byStep = new EnumMap<>(TurnStep.class);
        for (CustomerTurnHandler handler : handlers) {
            CustomerTurnHandler earlier = byStep.putIfAbsent(handler.step(), handler);
            if (earlier != null) {
                throw new IllegalStateException("The turn step " + handler.step() + " is filled twice: by "
                        + earlier.getClass().getName() + " and by " + handler.getClass().getName());
            }
        }
        for (TurnStep step : TurnStep.values()) {
            if (!byStep.containsKey(step)) {
                throw new IllegalStateException("No handler fills the turn step " + step);
            }
        }
        return List.copyOf(byStep.values());
    }

    @EventListener
    void checkedAtStartup(StartupEvent event) {
        // Constructing this bean is the check; listening makes it happen before the first customer message.
    }

    /** Inside the conversation's lock: each step decides on the state as it is by then, until one takes the message. */
    void run(CustomerTurn turn) {
        for (CustomerTurnHandler handler : steps) {
            TurnDecision decision = handler.decide(turn.state(), turn.text());
            decision.carryOut(turn);
            if (decision.takes()) {
                return;
            }
        }
    }

    /** Without side effects: the step that would take this message in this state. */
    Optional<TurnStep> taker(ConversationState state, String text) {
        for (CustomerTurnHandler handler : steps) {
            if (handler.decide(state, text).takes()) {
                return Optional.of(handler.step());
            }
        }
        return Optional.empty();
    }

    List<TurnStep> order() {
        return steps.stream().map(CustomerTurnHandler::step).toList();
    }
}
