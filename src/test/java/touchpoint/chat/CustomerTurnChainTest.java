package touchpoint.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The order of the customer's turn, and the promise the lock-free pre-check relies on: the step it names for a
 * message is the step that takes that message inside the lock.
 */
class CustomerTurnChainTest {

    private static final ChatConfig CONFIG = new ChatConfig("Hi", 2000, "web", "en", List.of("that didn't help"),
            "Hello!", "You're welcome!", "Anything else?", "Bye!", "I'm a bot.", "What would you like help with?");

    private final List<String> carriedOut = new ArrayList<>();

    @Test
    void should_list_the_steps_in_the_order_the_turn_runs_them() {
        assertThat(TurnStep.values()).containsExactly(TurnStep.WAITING_FOR_AGENT, TurnStep.PERSON_REQUEST,
                TurnStep.FRUSTRATION, TurnStep.SURVEY_ANSWER, TurnStep.CLARIFY_CHOICE, TurnStep.NOT_HELPFUL,
                TurnStep.SMALL_TALK, TurnStep.KNOWLEDGE);
    }

    @Test
    void should_run_the_steps_in_step_order_whatever_order_the_beans_arrive_in() {
        List<CustomerTurnHandler> beans = new ArrayList<>(Arrays.stream(TurnStep.values()).map(this::passing).toList());
        Collections.reverse(beans);

        CustomerTurnChain chain = new CustomerTurnChain(beans);

        assertThat(chain.order()).containsExactly(TurnStep.values());
    }

    @Test
    void should_refuse_a_step_filled_twice() {
        List<CustomerTurnHandler> beans = new ArrayList<>(Arrays.stream(TurnStep.values()).map(this::passing).toList());
        beans.add(passing(TurnStep.SMALL_TALK));

        assertThatThrownBy(() -> new CustomerTurnChain(beans))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SMALL_TALK is filled twice");
    }

    @Test
    void should_refuse_a_step_nobody_fills() {
        List<CustomerTurnHandler> beans = Arrays.stream(TurnStep.values())
                .filter(step -> step != TurnStep.SURVEY_ANSWER).map(this::passing).toList();

        assertThatThrownBy(() -> new CustomerTurnChain(beans))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SURVEY_ANSWER");
    }

    @Test
    void should_stop_at_the_first_step_that_takes_the_message() {
        CustomerTurnChain chain = chainOf(
                CustomerTurnHandler.of(TurnStep.PERSON_REQUEST, (state, text) -> TurnDecision.take(turn -> carriedOut.add("person"))),
                CustomerTurnHandler.of(TurnStep.SMALL_TALK, (state, text) -> TurnDecision.take(turn -> carriedOut.add("small talk"))));

        chain.run(turnIn(stateAfterAsking("hello"), "hello"));

        assertThat(carriedOut).containsExactly("person");
    }

    @Test
    void should_record_what_a_passing_step_records_and_go_on_to_the_next() {
        CustomerTurnChain chain = chainOf(
                CustomerTurnHandler.of(TurnStep.SURVEY_ANSWER, (state, text) -> TurnDecision.passAfter(turn -> carriedOut.add("survey closed"))),
                CustomerTurnHandler.of(TurnStep.KNOWLEDGE, (state, text) -> TurnDecision.take(turn -> carriedOut.add("answered"))));

        chain.run(turnIn(stateAfterAsking("where is my parcel"), "where is my parcel"));

        assertThat(carriedOut).containsExactly("survey closed", "answered");
    }

    @Test
    void should_append_nothing_while_only_deciding_before_the_lock() {
        CustomerTurnChain chain = chainOf(
                CustomerTurnHandler.of(TurnStep.SURVEY_ANSWER, (state, text) -> TurnDecision.passAfter(turn -> carriedOut.add("survey closed"))),
                CustomerTurnHandler.of(TurnStep.KNOWLEDGE, (state, text) -> TurnDecision.take(turn -> carriedOut.add("answered"))));

        assertThat(chain.taker(stateAfterAsking("where is my parcel"), "where is my parcel")).contains(TurnStep.KNOWLEDGE);
        assertThat(carriedOut).isEmpty();
    }

    @Test
    void should_take_in_the_lock_with_the_step_the_pre_check_named() {
        BotReplies replies = mock(BotReplies.class);
        List<TurnStep> took = new ArrayList<>();
        List<CustomerTurnHandler> chatSteps = List.of(new ClarifyChoiceHandler(replies), new NotHelpfulHandler(replies, CONFIG),
                new SmallTalkHandler(CONFIG), new KnowledgeHandler(replies));
        List<CustomerTurnHandler> beans = new ArrayList<>(chatSteps.stream().map(h -> recordingTakes(h, took)).toList());
        // The steps other features fill pass here; their own tests cover their decisions.
        Arrays.stream(TurnStep.values()).filter(s -> chatSteps.stream().noneMatch(h -> h.step() == s))
                .map(this::passing).forEach(beans::add);
        CustomerTurnChain chain = new CustomerTurnChain(beans);

        record Case(String name, List<TranscriptEvent> log, String text, TurnStep expected) {
        }
        List<Case> cases = List.of(
                new Case("a greeting", log(), "hello", TurnStep.SMALL_TALK),
                new Case("a question", log(), "where is my parcel", TurnStep.KNOWLEDGE),
                new Case("a pressed clarify option", clarified(), "Delivery times", TurnStep.CLARIFY_CHOICE),
                new Case("a clarify option by number", clarified(), "2", TurnStep.CLARIFY_CHOICE),
                new Case("none of the clarify options", clarified(), BotReplies.NONE_OF_THESE, TurnStep.KNOWLEDGE),
                new Case("a rejected answer", answered(), "that didn't help", TurnStep.NOT_HELPFUL),
                new Case("a rejection before any answer", log(), "that didn't help", TurnStep.KNOWLEDGE),
                new Case("a greeting while an agent owns the conversation", withAgent(), "hello", TurnStep.KNOWLEDGE),
                new Case("a clarify number while an agent owns the conversation", withAgent(clarified()), "2", TurnStep.KNOWLEDGE));

        for (Case c : cases) {
            ConversationState beforeTheLock = stateAfter(c.log(), c.text());
            ConversationState inTheLock = stateAfter(c.log(), c.text());
            took.clear();

            var named = chain.taker(beforeTheLock, c.text());
            chain.run(turnIn(inTheLock, c.text()));

            assertThat(named).as(c.name()).contains(c.expected());
            assertThat(took).as(c.name()).containsExactly(c.expected());
        }
    }

    private CustomerTurnHandler passing(TurnStep step) {
        return CustomerTurnHandler.of(step, (state, text) -> TurnDecision.pass());
    }


    /** {@code handler} as it is, except that carrying out a decision that takes the message is written down. */
    private static CustomerTurnHandler recordingTakes(CustomerTurnHandler handler, List<TurnStep> took) {
        return CustomerTurnHandler.of(handler.step(), (state, text) -> {
            TurnDecision decision = handler.decide(state, text);
            return decision.takes()
                    ? TurnDecision.take(turn -> {
                        took.add(handler.step());
                        decision.carryOut(turn);
                    })
                    : decision;
        });
    }

    private CustomerTurnChain chainOf(CustomerTurnHandler... taking) {
        List<CustomerTurnHandler> beans = new ArrayList<>(List.of(taking));
        Arrays.stream(TurnStep.values()).filter(s -> beans.stream().noneMatch(h -> h.step() == s))
                .map(this::passing).forEach(beans::add);
        return new CustomerTurnChain(beans);
    }

    private static CustomerTurn turnIn(ConversationState state, String text) {
        Transcript.Session session = mock(Transcript.Session.class);
        when(session.state()).thenReturn(state);
        return new CustomerTurn(session, event(state.lastSeq(), EventType.CUSTOMER_ASKED, text, null, List.of(), Map.of()));
    }

    private static ConversationState stateAfterAsking(String text) {
        return stateAfter(log(), text);
    }

    /** The state as the turn sees it: the log, then the customer's message. */
    private static ConversationState stateAfter(List<TranscriptEvent> log, String text) {
        List<TranscriptEvent> events = new ArrayList<>(log);
        events.add(event(events.size() + 1, EventType.CUSTOMER_ASKED, text, null, List.of(), Map.of()));
        return ConversationState.replay("c1", events);
    }

    private static List<TranscriptEvent> log() {
        return List.of(event(1, EventType.CONVERSATION_STARTED, null, null, List.of(), Map.of()),
                event(2, EventType.BOT_GREETED, "Hi", null, List.of(), Map.of()));
    }

    private static List<TranscriptEvent> clarified() {
        List<TranscriptEvent> log = new ArrayList<>(log());
        log.add(event(3, EventType.CUSTOMER_ASKED, "shipping", null, List.of(), Map.of()));
        log.add(event(4, EventType.BOT_CLARIFIED, "Which did you mean?", null,
                List.of(new Option("Shipping costs", "Shipping costs"), new Option("Delivery times", "Delivery times"),
                        new Option(BotReplies.NONE_OF_THESE, BotReplies.NONE_OF_THESE)),
                Map.of("question", "shipping", "candidates", "shipping-costs,delivery-times")));
        return log;
    }

    private static List<TranscriptEvent> answered() {
        List<TranscriptEvent> log = new ArrayList<>(log());
        log.add(event(3, EventType.CUSTOMER_ASKED, "how long is delivery", null, List.of(), Map.of()));
        log.add(event(4, EventType.BOT_ANSWERED, "Three to five days.", "delivery-times", List.of(),
                Map.of("question", "how long is delivery", "candidates", "delivery-times")));
        return log;
    }

    private static List<TranscriptEvent> withAgent() {
        return withAgent(log());
    }

    private static List<TranscriptEvent> withAgent(List<TranscriptEvent> earlier) {
        List<TranscriptEvent> log = new ArrayList<>(earlier);
        log.add(event(log.size() + 1, EventType.HANDOFF_REQUESTED, null, null, List.of(), Map.of()));
        log.add(event(log.size() + 1, EventType.AGENT_JOINED, null, null, List.of(), Map.of()));
        return log;
    }

    private static TranscriptEvent event(long seq, EventType type, String text, String faqId, List<Option> options,
                                         Map<String, String> data) {
        return new TranscriptEvent("c1", seq, "e" + seq, type, text, null, faqId, faqId == null ? null : 0.9, options,
                null, LegacyEventData.read(type, data), null, null, Instant.EPOCH.plusSeconds(seq));
    }
}
