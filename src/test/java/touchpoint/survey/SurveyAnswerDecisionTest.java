package touchpoint.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import touchpoint.chat.ConversationState;
import touchpoint.chat.EventType;
import touchpoint.chat.SurveyPrompt;
import touchpoint.chat.TranscriptEvent;
import touchpoint.chat.TurnStep;

/**
 * Which messages the open survey question takes, decided from the state alone: the same answer before the lock
 * (where the bot's answer may be prepared) and inside it.
 */
class SurveyAnswerDecisionTest {

    private final SurveyAnswerHandler handler = new SurveyAnswerHandler(null);

    @ParameterizedTest
    @ValueSource(strings = {"4", "4 - quick and friendly", "10!", " 5 ", "Skip", "skip", "4.5", "9"})
    void should_take_what_reads_as_an_answer_while_a_question_is_open(String text) {
        assertThat(handler.decide(stateAfter(true, text), text).takes()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"where is my order", "hello", "skip the survey please"})
    void should_leave_anything_else_to_the_later_steps_while_a_question_is_open(String text) {
        assertThat(handler.decide(stateAfter(true, text), text).takes()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "Skip", "where is my order"})
    void should_take_nothing_when_no_question_is_open(String text) {
        assertThat(handler.decide(stateAfter(false, text), text).takes()).isFalse();
    }

    @Test
    void should_fill_the_survey_answer_step() {
        assertThat(handler.step()).isEqualTo(TurnStep.SURVEY_ANSWER);
    }

    private static ConversationState stateAfter(boolean questionOpen, String text) {
        List<TranscriptEvent> log = new ArrayList<>();
        log.add(event(1, EventType.CONVERSATION_STARTED, null, null));
        if (questionOpen) {
            log.add(event(2, EventType.SURVEY_ASKED, "How satisfied were you?", new SurveyPrompt("csat", "CSAT", 1, 5)));
        }
        log.add(event(log.size() + 1, EventType.CUSTOMER_ASKED, text, null));
        return ConversationState.replay("c1", log);
    }

    private static TranscriptEvent event(long seq, EventType type, String text, SurveyPrompt survey) {
        return new TranscriptEvent("c1", seq, "e" + seq, type, text, null, null, null, null, survey, null, null, null,
                Instant.EPOCH.plusSeconds(seq));
    }
}
