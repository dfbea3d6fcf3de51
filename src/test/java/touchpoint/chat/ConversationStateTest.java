package touchpoint.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationStateTest {

    private final List<TranscriptEvent> log = new ArrayList<>();

    private void add(EventType type, Map<String, String> data) {
        add(type, data, null, List.of(), null);
    }

    private void add(EventType type, Map<String, String> data, String faqId, List<Option> options, SurveyPrompt survey) {
        log.add(new TranscriptEvent("c1", log.size() + 1, "m" + (log.size() + 1), type, "text " + log.size(), null, faqId,
                faqId == null ? null : 0.9, options, survey, data, null, null, Instant.EPOCH.plusSeconds(log.size())));
    }

    private ConversationState state() {
        return ConversationState.replay("c1", log);
    }

    @Test
    void should_start_with_the_bot_owning_the_conversation() {
        add(EventType.CONVERSATION_STARTED, Map.of());
        add(EventType.BOT_GREETED, Map.of());

        assertThat(state().status()).isEqualTo(ConversationStatus.BOT);
        assertThat(state().lastSeq()).isEqualTo(2);
    }

    @Test
    void should_follow_handoff_agent_handback_and_resolution() {
        add(EventType.CONVERSATION_STARTED, Map.of());
        add(EventType.HANDOFF_REQUESTED, Map.of("reason", "asked", "team", "billing"));
        assertThat(state().status()).isEqualTo(ConversationStatus.WAITING_FOR_AGENT);
        assertThat(state().team()).contains("billing");

        add(EventType.AGENT_JOINED, Map.of("agentId", "7"));
        assertThat(state().status()).isEqualTo(ConversationStatus.WITH_AGENT);
        assertThat(state().agentId()).contains("7");
        assertThat(state().status().botMaySpeak()).isFalse();

        add(EventType.BOT_RESUMED, Map.of());
        assertThat(state().status()).isEqualTo(ConversationStatus.BOT);
        assertThat(state().agentId()).isEmpty();

        add(EventType.CONVERSATION_RESOLVED, Map.of());
        assertThat(state().status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(state().everHandedOff()).isTrue();
    }

    @Test
    void should_reopen_with_the_bot_when_the_customer_writes_after_resolution() {
        add(EventType.CONVERSATION_RESOLVED, Map.of());
        add(EventType.CUSTOMER_ASKED, Map.of());

        assertThat(state().status()).isEqualTo(ConversationStatus.BOT);
    }

    @Test
    void should_count_consecutive_fallbacks_and_reset_on_an_answer() {
        add(EventType.BOT_FELL_BACK, Map.of("question", "a"));
        add(EventType.BOT_FELL_BACK, Map.of("question", "b"));
        assertThat(state().consecutiveFallbacks()).isEqualTo(2);

        add(EventType.BOT_ANSWERED, Map.of("question", "c", "candidates", "x,y"), "x", List.of(), null);
        assertThat(state().consecutiveFallbacks()).isZero();
        assertThat(state().lastAnsweredFaqId()).contains("x");
        assertThat(state().lastCandidates()).containsExactly("x", "y");
    }

    @Test
    void should_keep_rejected_answers_while_the_question_stays_the_same() {
        add(EventType.BOT_ANSWERED, Map.of("question", "q1", "candidates", "x,y"), "x", List.of(), null);
        add(EventType.ANSWER_RATED, Map.of("helpful", "false", "faqId", "x"));
        add(EventType.BOT_ANSWERED, Map.of("question", "q1", "candidates", "y"), "y", List.of(), null);
        assertThat(state().rejectedFaqIds()).containsExactly("x");
        assertThat(state().thumbsDown()).isEqualTo(1);

        add(EventType.BOT_ANSWERED, Map.of("question", "q2"), "z", List.of(), null);
        assertThat(state().rejectedFaqIds()).isEmpty();
    }

    @Test
    void should_remember_a_clarify_until_the_bot_speaks_again() {
        add(EventType.BOT_CLARIFIED, Map.of("question", "q", "candidates", "a,b"), null, List.of(new Option("A", "A"), new Option("B", "B")), null);
        add(EventType.CUSTOMER_ASKED, Map.of());
        assertThat(state().pendingClarify()).hasSize(2);
        assertThat(state().lastCandidates()).containsExactly("a", "b");

        add(EventType.BOT_ANSWERED, Map.of("question", "q"), "a", List.of(), null);
        assertThat(state().pendingClarify()).isEmpty();
    }

    @Test
    void should_track_surveys_asked_and_answered() {
        add(EventType.SURVEY_ASKED, Map.of(), null, List.of(), new SurveyPrompt("ces", "CES", 1, 7));
        assertThat(state().pendingSurveyQuestion()).contains("ces");

        add(EventType.SURVEY_ANSWERED, Map.of("questionId", "ces", "score", "6"));
        assertThat(state().pendingSurveyQuestion()).isEmpty();
        assertThat(state().surveysAsked()).containsExactly("ces");
        assertThat(state().surveysClosed()).containsExactly("ces");
    }

    @Test
    void should_refuse_a_transcript_with_a_gap() {
        add(EventType.CONVERSATION_STARTED, Map.of());
        add(EventType.BOT_GREETED, Map.of());
        log.remove(0);

        assertThatThrownBy(this::state).isInstanceOf(IllegalStateException.class).hasMessageContaining("gap");
    }
}
