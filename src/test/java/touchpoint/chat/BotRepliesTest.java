package touchpoint.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Captor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;
import touchpoint.knowledge.Candidate;
import touchpoint.knowledge.Decision;
import touchpoint.knowledge.Decision.Outcome;
import touchpoint.knowledge.FaqView;
import touchpoint.knowledge.KnowledgeBase;
import touchpoint.knowledge.Question;

/** How a knowledge decision becomes transcript events, and what the knowledge base is asked. */
@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class BotRepliesTest {

    @Mock
    KnowledgeBase knowledge;

    @Mock
    Transcript.Session session;

    @Captor
    ArgumentCaptor<Question> asked;

    @Captor
    ArgumentCaptor<NewEvent> appended;

    private final List<TranscriptEvent> log = new ArrayList<>();
    private BotReplies replies;

    @BeforeEach
    void setUp() {
        replies = new BotReplies(knowledge);
        when(session.locale()).thenReturn("en");
        when(session.state()).thenAnswer(i -> ConversationState.replay("c1", log));
        when(session.append(any(NewEvent.class), anyLong())).thenAnswer(i -> event(((NewEvent) i.getArgument(0)).type, null, Map.of()));
    }

    private TranscriptEvent event(EventType type, String text, Map<String, String> data) {
        TranscriptEvent e = new TranscriptEvent("c1", log.size() + 1, "m" + (log.size() + 1), type, text, null,
                data.get("faqId"), data.containsKey("faqId") ? 0.9 : null, null, null, LegacyEventData.read(type, data), null, null, Instant.EPOCH);
        log.add(e);
        return e;
    }

    private CustomerTurn customerAsks(String text) {
        return new CustomerTurn(session, event(EventType.CUSTOMER_ASKED, text, Map.of()));
    }

    private static Decision decision(Outcome outcome, Candidate... candidates) {
        return new Decision(outcome, outcome.name().toLowerCase(), null, List.of(candidates),
                outcome == Outcome.ANSWER ? List.of(candidates[0].faqId()) : List.of());
    }

    private static final Candidate RETURNS = new Candidate("how-to-return", "How do I return an item?", 0.81);
    private static final Candidate REFUNDS = new Candidate("refund-timing", "When will I get my refund?", 0.74);

    @Test
    void should_ask_with_earlier_questions_as_context_and_nothing_excluded_for_a_new_question() {
        customerAsks("I bought a lamp last week");
        when(knowledge.decide(asked.capture())).thenReturn(decision(Outcome.ANSWER, RETURNS));

        replies.answer(customerAsks("how do I send it back?"), "how do I send it back?");

        assertThat(asked.getValue().text()).isEqualTo("how do I send it back?");
        assertThat(asked.getValue().context()).containsExactly("I bought a lamp last week");
        assertThat(asked.getValue().excludeFaqIds()).isEmpty();
        assertThat(asked.getValue().locale()).isEqualTo("en");
    }

    @Test
    void should_exclude_the_faq_the_customer_rejected_when_the_same_question_is_asked_again() {
        customerAsks("where is my refund");
        event(EventType.BOT_ANSWERED, "Refunds take 5 days.", Map.of("faqId", "refund-timing", "question", "where is my refund"));
        event(EventType.ANSWER_RATED, null, Map.of("faqId", "refund-timing", "helpful", "false"));
        when(knowledge.decide(asked.capture())).thenReturn(decision(Outcome.ANSWER, RETURNS));

        replies.answer(customerAsks("where is my refund"), "where is my refund");

        assertThat(asked.getValue().excludeFaqIds()).containsExactly("refund-timing");
    }

    @Test
    void should_apologise_and_offer_a_person_when_nothing_else_fits_a_rejected_answer() {
        customerAsks("where is my refund");
        event(EventType.BOT_ANSWERED, "Refunds take 5 days.", Map.of("faqId", "refund-timing", "question", "where is my refund"));
        event(EventType.ANSWER_RATED, null, Map.of("faqId", "refund-timing", "helpful", "false"));
        when(knowledge.decide(any())).thenReturn(decision(Outcome.FALLBACK, RETURNS));

        replies.answer(customerAsks("that didn't help"), "where is my refund");

        verify(session).append(appended.capture(), anyLong());
        assertThat(appended.getValue().type).isEqualTo(EventType.BOT_FELL_BACK);
        assertThat(appended.getValue().text).isEqualTo(BotReplies.NOTHING_ELSE);
        assertThat(appended.getValue().options).extracting(Option::value).containsExactly(BotReplies.TALK_TO_PERSON);
    }

    @Test
    void should_cite_the_answered_faq_and_keep_the_question_it_answered() {
        when(knowledge.decide(any())).thenReturn(decision(Outcome.ANSWER, RETURNS, REFUNDS));

        replies.answer(customerAsks("return a lamp"), "return a lamp");

        verify(session).append(appended.capture(), anyLong());
        NewEvent answer = appended.getValue();
        assertThat(answer.type).isEqualTo(EventType.BOT_ANSWERED);
        assertThat(answer.faqId).isEqualTo("how-to-return");
        assertThat(answer.confidence).isEqualTo(0.81);
        assertThat(answer.data).isEqualTo(new EventData.BotAnswered("How do I return an item?", "return a lamp",
                List.of("how-to-return", "refund-timing"), List.of("how-to-return"), false));
    }

    @Test
    void should_offer_each_close_candidate_and_a_way_out_when_clarifying() {
        when(knowledge.decide(any())).thenReturn(decision(Outcome.CLARIFY, RETURNS, REFUNDS));

        replies.answer(customerAsks("refund or return?"), "refund or return?");

        verify(session).append(appended.capture(), anyLong());
        assertThat(appended.getValue().type).isEqualTo(EventType.BOT_CLARIFIED);
        assertThat(appended.getValue().options).extracting(Option::value)
                .containsExactly("How do I return an item?", "When will I get my refund?", BotReplies.NONE_OF_THESE);
    }

    @Test
    void should_offer_a_person_when_falling_back() {
        when(knowledge.decide(any())).thenReturn(decision(Outcome.FALLBACK, RETURNS));

        replies.answer(customerAsks("what's the capital of france"), "what's the capital of france");

        verify(session).append(appended.capture(), anyLong());
        assertThat(appended.getValue().type).isEqualTo(EventType.BOT_FELL_BACK);
        assertThat(appended.getValue().options).extracting(Option::value).containsExactly(BotReplies.TALK_TO_PERSON);
        assertThat(((EventData.BotFellBack) appended.getValue().data).confidence()).isEqualTo(0.81);
    }

    @Test
    void should_answer_with_the_faq_the_customer_picked_without_asking_the_knowledge_base() {
        when(knowledge.faq("refund-timing")).thenReturn(Optional.of(new FaqView("refund-timing", "When will I get my refund?",
                List.of(), List.of(), null, "en", "Within 5 working days.", "<p>Within 5 working days.</p>")));

        replies.answerWith(customerAsks("When will I get my refund?"), "refund-timing", "refund or return?");

        verify(knowledge, never()).decide(any());
        verify(session).append(appended.capture(), anyLong());
        assertThat(appended.getValue().faqId).isEqualTo("refund-timing");
        assertThat(appended.getValue().data).isEqualTo(new EventData.BotAnswered("When will I get my refund?", "refund or return?",
                List.of("refund-timing"), List.of("refund-timing"), true));
    }

    @Test
    void should_ask_the_knowledge_base_when_the_picked_faq_no_longer_exists() {
        when(knowledge.faq("deleted-faq")).thenReturn(Optional.empty());
        when(knowledge.decide(asked.capture())).thenReturn(decision(Outcome.ANSWER, RETURNS));

        replies.answerWith(customerAsks("Old option"), "deleted-faq", "refund or return?");

        assertThat(asked.getValue().text()).isEqualTo("refund or return?");
    }
}
