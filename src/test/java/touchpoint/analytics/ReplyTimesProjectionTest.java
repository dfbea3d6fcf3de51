package touchpoint.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import touchpoint.chat.ConversationStatus;
import touchpoint.chat.ConversationSummary;
import touchpoint.chat.EventType;
import touchpoint.chat.TranscriptEvent;

/** How the projection times a person's first reply and the bot's replies, from the events' times alone. */
class ReplyTimesProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final List<TranscriptEvent> log = new ArrayList<>();

    @Test
    void should_time_a_persons_first_reply_from_the_hand_off_request_not_from_the_bots_reply() {
        at(0, EventType.CONVERSATION_STARTED);
        at(10, EventType.CUSTOMER_ASKED);
        at(10.004, EventType.BOT_FELL_BACK);
        at(20, EventType.HANDOFF_REQUESTED);
        at(80, EventType.AGENT_JOINED);
        at(95, EventType.AGENT_REPLIED);
        at(300, EventType.AGENT_REPLIED);

        ConversationFactRow fact = project();

        assertThat(fact.firstHumanResponseSeconds()).isEqualTo(75.0);
        assertThat(fact.botReplies()).isEqualTo(1);
        assertThat(fact.botReplyMillisMean()).isEqualTo(4.0);
        assertThat(fact.projectionVersion()).isEqualTo(ConversationProjection.VERSION);
    }

    @Test
    void should_time_from_the_join_when_a_person_took_over_unasked_and_leave_a_wait_without_reply_open() {
        at(0, EventType.CUSTOMER_ASKED);
        at(0.010, EventType.BOT_ANSWERED);
        at(30, EventType.AGENT_JOINED);
        at(42, EventType.AGENT_REPLIED);
        assertThat(project().firstHumanResponseSeconds()).isEqualTo(12.0);

        log.clear();
        at(0, EventType.CUSTOMER_ASKED);
        at(5, EventType.HANDOFF_REQUESTED);
        assertThat(project().firstHumanResponseSeconds()).isNull();
    }

    @Test
    void should_not_count_messages_a_person_was_answering_as_waits_for_the_bot() {
        at(0, EventType.CUSTOMER_ASKED);
        at(0.020, EventType.BOT_CLARIFIED);
        at(10, EventType.HANDOFF_REQUESTED);
        at(20, EventType.CUSTOMER_ASKED);
        at(60, EventType.AGENT_JOINED);
        at(70, EventType.CUSTOMER_ASKED);
        at(90, EventType.AGENT_REPLIED);
        at(100, EventType.CUSTOMER_ASKED);
        at(120, EventType.BOT_RESUMED);
        // The bot's greeting back is no reply to the message the person left unanswered before handing back.
        at(121, EventType.BOT_SMALL_TALK);
        at(200, EventType.CUSTOMER_ASKED);
        at(200.040, EventType.BOT_ANSWERED);

        ConversationFactRow fact = project();

        assertThat(fact.botReplies()).isEqualTo(2);
        assertThat(fact.botReplyMillisMean()).isEqualTo(30.0);
        assertThat(fact.firstHumanResponseSeconds()).isEqualTo(80.0);
    }

    private void at(double seconds, EventType type) {
        Instant when = T0.plusMillis(Math.round(seconds * 1000));
        log.add(new TranscriptEvent("c1", log.size() + 1, "e" + log.size(), type, "text", null, null, null, null, null, null,
                null, null, when));
    }

    private ConversationFactRow project() {
        ConversationSummary conversation = new ConversationSummary("c1", "web", "en", ConversationStatus.BOT, log.size(), T0, T0);
        return ConversationProjection.of(conversation, log).fact();
    }
}
