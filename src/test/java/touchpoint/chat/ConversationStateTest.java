package touchpoint.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationStateTest {

    private final List<TranscriptEvent> log = new ArrayList<>();

    private void add(EventType type) {
        add(type, null, null, List.of(), null);
    }

    private void add(EventData data) {
        add(data.eventType(), data, null, List.of(), null);
    }

    private void add(EventData data, String faqId, List<Option> options) {
        add(data.eventType(), data, faqId, options, null);
    }

    private void add(EventType type, EventData data, String faqId, List<Option> options, SurveyPrompt survey) {
        log.add(new TranscriptEvent("c1", log.size() + 1, "m" + (log.size() + 1), type, "text " + log.size(), null, faqId,
                faqId == null ? null : 0.9, options, survey, data, null, null, Instant.EPOCH.plusSeconds(log.size())));
    }

    private static EventData.BotAnswered answered(String question, String... candidates) {
        return new EventData.BotAnswered("title", question, List.of(candidates), List.of(candidates[0]), false);
    }

    private static EventData.AnswerRated thumbsDown(String faqId) {
        return new EventData.AnswerRated(faqId, false, 1, EventData.AnswerRated.VIA_THUMBS);
    }

    private ConversationState state() {
        return ConversationState.replay("c1", log);
    }

    @Test
    void should_start_with_the_bot_owning_the_conversation() {
        add(EventType.CONVERSATION_STARTED);
        add(EventType.BOT_GREETED);

        assertThat(state().status()).isEqualTo(ConversationStatus.BOT);
        assertThat(state().lastSeq()).isEqualTo(2);
    }

    @Test
    void should_follow_handoff_agent_handback_and_resolution() {
        add(EventType.CONVERSATION_STARTED);
        add(new EventData.HandoffRequested("asked", "billing"));
        assertThat(state().status()).isEqualTo(ConversationStatus.WAITING_FOR_AGENT);
        assertThat(state().team()).contains("billing");

        add(new EventData.AgentJoined("7", "Ada"));
        assertThat(state().status()).isEqualTo(ConversationStatus.WITH_AGENT);
        assertThat(state().agentId()).contains("7");
        assertThat(state().status().botMaySpeak()).isFalse();

        add(new EventData.BotResumed("7"));
        assertThat(state().status()).isEqualTo(ConversationStatus.BOT);
        assertThat(state().agentId()).isEmpty();

        add(new EventData.ConversationResolved(null));
        assertThat(state().status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(state().everHandedOff()).isTrue();
    }

    @Test
    void should_reopen_with_the_bot_when_the_customer_writes_after_resolution() {
        add(new EventData.ConversationResolved(null));
        add(EventType.CUSTOMER_ASKED);

        assertThat(state().status()).isEqualTo(ConversationStatus.BOT);
    }

    @Test
    void should_count_consecutive_fallbacks_and_reset_on_an_answer() {
        add(new EventData.BotFellBack("a", List.of(), 0.1));
        add(new EventData.BotFellBack("b", List.of(), 0.1));
        assertThat(state().consecutiveFallbacks()).isEqualTo(2);

        add(answered("c", "x", "y"), "x", List.of());
        assertThat(state().consecutiveFallbacks()).isZero();
        assertThat(state().lastAnsweredFaqId()).contains("x");
        assertThat(state().lastCandidates()).containsExactly("x", "y");
    }

    @Test
    void should_keep_rejected_answers_while_the_question_stays_the_same() {
        add(answered("q1", "x", "y"), "x", List.of());
        add(thumbsDown("x"));
        add(answered("q1", "y"), "y", List.of());
        assertThat(state().rejectedFaqIds()).containsExactly("x");
        assertThat(state().thumbsDown()).isEqualTo(1);

        add(answered("q2", "z"), "z", List.of());
        assertThat(state().rejectedFaqIds()).isEmpty();
    }

    @Test
    void should_remember_a_clarify_until_the_bot_speaks_again() {
        add(new EventData.BotClarified("q", List.of("a", "b"), 0.5), null, List.of(new Option("A", "A"), new Option("B", "B")));
        add(EventType.CUSTOMER_ASKED);
        assertThat(state().pendingClarify()).hasSize(2);
        assertThat(state().lastCandidates()).containsExactly("a", "b");

        add(answered("q", "a"), "a", List.of());
        assertThat(state().pendingClarify()).isEmpty();
    }

    @Test
    void should_track_surveys_asked_and_answered() {
        add(EventType.SURVEY_ASKED, new EventData.SurveyAsked("ces", "CES", "resolved"), null, List.of(), new SurveyPrompt("ces", "CES", 1, 7));
        assertThat(state().pendingSurveyQuestion()).contains("ces");

        add(new EventData.SurveyAnswered("ces", "CES", 6, null, null, null, "web", "resolved", "chat"));
        assertThat(state().pendingSurveyQuestion()).isEmpty();
        assertThat(state().surveysAsked()).containsExactly("ces");
        assertThat(state().surveysClosed()).containsExactly("ces");
    }

    @Test
    void should_count_thumbs_down_only_since_a_person_last_had_the_conversation() {
        add(answered("q1", "x"), "x", List.of());
        add(thumbsDown("x"));
        add(thumbsDown("x"));
        assertThat(state().thumbsDown()).isEqualTo(2);

        add(new EventData.HandoffRequested("repeated_thumbs_down", "support"));
        assertThat(state().thumbsDown()).isZero();

        add(new EventData.AgentJoined("7", "Ada"));
        add(new EventData.ConversationResolved("7"));
        add(EventType.CUSTOMER_ASKED);
        add(answered("q2", "y"), "y", List.of());
        add(thumbsDown("y"));
        assertThat(state().thumbsDown()).isEqualTo(1);

        add(new EventData.HandoffRequested("customer_request", "support"));
        add(new EventData.AgentJoined("7", "Ada"));
        add(new EventData.BotResumed("7"));
        assertThat(state().thumbsDown()).isZero();
    }

    @Test
    void should_not_count_a_helpful_rating_as_thumbs_down() {
        add(answered("q1", "x"), "x", List.of());
        add(new EventData.AnswerRated("x", true, 1, EventData.AnswerRated.VIA_THUMBS));

        assertThat(state().thumbsDown()).isZero();
        assertThat(state().rejectedFaqIds()).isEmpty();
    }

    @Test
    void should_close_a_survey_question_when_it_is_skipped_or_expires() {
        add(EventType.SURVEY_ASKED, new EventData.SurveyAsked("ces", "CES", "resolved"), null, List.of(), new SurveyPrompt("ces", "CES", 1, 7));
        add(new EventData.SurveySkipped("ces", "CES", "skip"));
        assertThat(state().pendingSurveyQuestion()).isEmpty();

        add(EventType.SURVEY_ASKED, new EventData.SurveyAsked("csat", "CSAT", "resolved"), null, List.of(), new SurveyPrompt("csat", "CSAT", 1, 5));
        add(new EventData.SurveyExpired("csat", "CSAT"));
        assertThat(state().surveysClosed()).containsExactly("ces", "csat");
    }

    @Test
    void should_refuse_a_transcript_with_a_gap() {
        add(EventType.CONVERSATION_STARTED);
        add(EventType.BOT_GREETED);
        log.remove(0);

        assertThatThrownBy(this::state).isInstanceOf(IllegalStateException.class).hasMessageContaining("gap");
    }
}
