package touchpoint.handoff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import touchpoint.chat.ConversationState;
import touchpoint.chat.ConversationStatus;
import touchpoint.chat.CustomerTurn;
import touchpoint.chat.CustomerTurnHandler;

/**
 * The escalation rules that look at the customer's own words. They run before the bot answers (order below
 * {@link CustomerTurnHandler#CLARIFY_CHOICE}), inside the conversation's lock, so a request and the bot's
 * answer can never both happen for one message.
 */
@Factory
class EscalationHandlers {

    static final int WAITING_ORDER = 5;
    static final int PERSON_ORDER = 10;
    static final int FRUSTRATION_ORDER = 20;

    /** While people own or await the conversation the bot is silent; a waiting customer hears their place in the queue. */
    @Singleton
    CustomerTurnHandler waitingForAgent(Escalations handoff) {
        return handler(WAITING_ORDER, (state, text) -> !state.status().botMaySpeak(), turn -> {
            ConversationStatus status = turn.state().status();
            if (status == ConversationStatus.WAITING_FOR_AGENT) {
                handoff.customerWaiting(turn.session(), turn.message().seq());
                return true;
            }
            // With an agent: the message reaches the agent live; nobody else speaks.
            return status == ConversationStatus.WITH_AGENT;
        });
    }

    @Singleton
    CustomerTurnHandler personRequest(Escalations handoff, PersonRequestDetector detector) {
        BiPredicate<ConversationState, String> applies = (state, text) -> state.status().botMaySpeak()
                && detector.asksForPerson(text);
        return handler(PERSON_ORDER, applies, turn -> {
            if (!applies.test(turn.state(), turn.text())) {
                return false;
            }
            handoff.request(turn.session(), turn.message().seq(), Escalations.CUSTOMER_REQUEST, List.of());
            return true;
        });
    }

    @Singleton
    CustomerTurnHandler frustration(Escalations handoff, FrustrationDetector detector, HandoffConfig config) {
        BiPredicate<ConversationState, String> applies = (state, text) -> config.frustrationThreshold() > 0
                && state.status().botMaySpeak() && detector.score(text) >= config.frustrationThreshold();
        return handler(FRUSTRATION_ORDER, applies, turn -> {
            if (!applies.test(turn.state(), turn.text())) {
                return false;
            }
            handoff.request(turn.session(), turn.message().seq(), Escalations.FRUSTRATION, List.of());
            return true;
        });
    }

    /** {@code applies} tells without side effects whether {@code rule} may take a message (see {@link CustomerTurnHandler#mayTake}). */
    private static CustomerTurnHandler handler(int order, BiPredicate<ConversationState, String> applies,
                                               Predicate<CustomerTurn> rule) {
        return new CustomerTurnHandler() {
            @Override
            public int getOrder() {
                return order;
            }

            @Override
            public boolean mayTake(ConversationState state, String text) {
                return applies.test(state, text);
            }

            @Override
            public boolean handle(CustomerTurn turn) {
                return rule.test(turn);
            }
        };
    }
}
