package touchpoint.handoff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;
import touchpoint.chat.ConversationStatus;
import touchpoint.chat.CustomerTurnHandler;
import touchpoint.chat.TurnDecision;
import touchpoint.chat.TurnStep;

/**
 * The escalation rules that look at the customer's own words. They fill the first steps of the turn (see
 * {@link TurnStep}) and run inside the conversation's lock, so a request and the bot's answer can never both
 * happen for one message.
 */
@Factory
class EscalationHandlers {

    /** While people own or await the conversation the bot is silent; a waiting customer hears their place in the queue. */
    @Singleton
    CustomerTurnHandler waitingForAgent(Escalations handoff) {
        return CustomerTurnHandler.of(TurnStep.WAITING_FOR_AGENT, (state, text) -> {
            if (state.status() == ConversationStatus.WAITING_FOR_AGENT) {
                return TurnDecision.take(turn -> handoff.customerWaiting(turn.session(), turn.message().seq()));
            }
            // With an agent: the message reaches the agent live; nobody else speaks.
            return state.status() == ConversationStatus.WITH_AGENT ? TurnDecision.takeInSilence() : TurnDecision.pass();
        });
    }

    @Singleton
    CustomerTurnHandler personRequest(Escalations handoff, PersonRequestDetector detector) {
        return CustomerTurnHandler.of(TurnStep.PERSON_REQUEST, (state, text) -> {
            if (!state.status().botMaySpeak() || !detector.asksForPerson(text)) {
                return TurnDecision.pass();
            }
            return TurnDecision.take(turn ->
                    handoff.request(turn.session(), turn.message().seq(), Escalations.CUSTOMER_REQUEST, List.of()));
        });
    }

    @Singleton
    CustomerTurnHandler frustration(Escalations handoff, FrustrationDetector detector, HandoffConfig config) {
        return CustomerTurnHandler.of(TurnStep.FRUSTRATION, (state, text) -> {
            if (config.frustrationThreshold() <= 0 || !state.status().botMaySpeak()
                    || detector.score(text) < config.frustrationThreshold()) {
                return TurnDecision.pass();
            }
            return TurnDecision.take(turn ->
                    handoff.request(turn.session(), turn.message().seq(), Escalations.FRUSTRATION, List.of()));
        });
    }

}
