package touchpoint.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import touchpoint.chat.ConversationState;
import touchpoint.chat.CustomerTurnHandler;
import touchpoint.chat.EventType;
import touchpoint.chat.TranscriptEvent;
import touchpoint.chat.TurnStep;

/**
 * Which messages the escalation steps take, decided from the state and the detectors' reading alone: the same
 * answer before the lock (where the bot's answer may be prepared) and inside it.
 */
class EscalationDecisionTest {

    private final EscalationHandlers factory = new EscalationHandlers();
    private final PersonRequestDetector person = mock(PersonRequestDetector.class);
    private final FrustrationDetector frustration = mock(FrustrationDetector.class);
    private final HandoffConfig config = mock(HandoffConfig.class);

    @Test
    void should_take_every_message_while_people_own_or_await_the_conversation() {
        CustomerTurnHandler waiting = factory.waitingForAgent(null);

        assertThat(waiting.step()).isEqualTo(TurnStep.WAITING_FOR_AGENT);
        assertThat(waiting.decide(state(EventType.HANDOFF_REQUESTED), "hello?").takes()).isTrue();
        assertThat(waiting.decide(state(EventType.HANDOFF_REQUESTED, EventType.AGENT_JOINED), "2").takes()).isTrue();
        assertThat(waiting.decide(state(), "hello?").takes()).isFalse();
        assertThat(waiting.decide(state(EventType.CONVERSATION_RESOLVED), "4").takes()).isFalse();
    }

    @Test
    void should_take_a_request_for_a_person_only_while_the_bot_owns_the_conversation() {
        when(person.asksForPerson("agent please")).thenReturn(true);
        CustomerTurnHandler request = factory.personRequest(null, person);

        assertThat(request.step()).isEqualTo(TurnStep.PERSON_REQUEST);
        assertThat(request.decide(state(), "agent please").takes()).isTrue();
        assertThat(request.decide(state(EventType.CONVERSATION_RESOLVED), "agent please").takes()).isTrue();
        assertThat(request.decide(state(EventType.HANDOFF_REQUESTED), "agent please").takes()).isFalse();
        assertThat(request.decide(state(), "where is my parcel").takes()).isFalse();
    }

    @Test
    void should_take_an_angry_message_at_the_threshold_unless_the_threshold_is_off() {
        when(frustration.score("this is useless")).thenReturn(3);
        when(frustration.score("my order is late")).thenReturn(1);
        when(config.frustrationThreshold()).thenReturn(3);
        CustomerTurnHandler angry = factory.frustration(null, frustration, config);

        assertThat(angry.step()).isEqualTo(TurnStep.FRUSTRATION);
        assertThat(angry.decide(state(), "this is useless").takes()).isTrue();
        assertThat(angry.decide(state(), "my order is late").takes()).isFalse();
        assertThat(angry.decide(state(EventType.HANDOFF_REQUESTED), "this is useless").takes()).isFalse();

        when(config.frustrationThreshold()).thenReturn(0);
        assertThat(angry.decide(state(), "this is useless").takes()).isFalse();
    }

    /** The state after these events and then the customer's message. */
    private static ConversationState state(EventType... events) {
        List<EventType> types = new ArrayList<>(List.of(EventType.CONVERSATION_STARTED));
        types.addAll(List.of(events));
        types.add(EventType.CUSTOMER_ASKED);
        List<TranscriptEvent> log = new ArrayList<>();
        for (EventType type : types) {
            long seq = log.size() + 1;
            log.add(new TranscriptEvent("c1", seq, "e" + seq, type, "text", null, null, null, null, null, null, null, null,
                    Instant.EPOCH.plusSeconds(seq)));
        }
        return ConversationState.replay("c1", log);
    }
}
