package touchpoint.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.TranscriptEvent;

/** The hand-off queue row as a fold over the transcript. */
class CaseProjectionTest {

    private final List<TranscriptEvent> log = new ArrayList<>();

    private Instant add(EventData data) {
        Instant at = Instant.parse("2026-04-01T08:00:00Z").plusSeconds(log.size());
        log.add(new TranscriptEvent("c1", log.size() + 1, "m" + (log.size() + 1), data.eventType(), null, null, null, null,
                null, null, data, null, null, at));
        return at;
    }

    private void add(EventType type) {
        log.add(new TranscriptEvent("c1", log.size() + 1, "m" + (log.size() + 1), type, "hi", null, null, null,
                null, null, null, null, null, Instant.parse("2026-04-01T08:00:00Z").plusSeconds(log.size())));
    }

    private Optional<CaseRow> replay() {
        return CaseProjection.replay("web", log, "support");
    }

    @Test
    void should_open_no_case_for_a_conversation_the_bot_keeps() {
        add(new EventData.ConversationStarted("web", "en"));
        add(EventType.CUSTOMER_ASKED);
        add(new EventData.BotAnswered("Returns", "returns?", List.of("r"), List.of("r"), false));

        assertThat(replay()).isEmpty();
    }

    @Test
    void should_wait_then_hold_the_agent_then_close_on_resolution() {
        Instant requested = add(new EventData.HandoffRequested("customer_request", "billing"));
        Instant noticed = add(EventData.SystemNotice.queue("billing", 1, 3));
        CaseRow waiting = replay().orElseThrow();
        assertThat(waiting.state()).isEqualTo(CaseRow.WAITING);
        assertThat(waiting.team()).isEqualTo("billing");
        assertThat(waiting.reason()).isEqualTo("customer_request");
        assertThat(waiting.requestedAt()).isEqualTo(requested);
        assertThat(waiting.lastNoticeAt()).isEqualTo(noticed);

        add(new EventData.AgentAssigned("a1", "billing", "claim"));
        Instant joined = add(new EventData.AgentJoined("a1", "Ada"));
        assertThat(replay().orElseThrow().state()).isEqualTo(CaseRow.ACTIVE);
        assertThat(replay().orElseThrow().agentId()).isEqualTo("a1");
        assertThat(replay().orElseThrow().assignedAt()).isEqualTo(joined);

        add(new EventData.ConversationResolved("a1"));
        assertThat(replay().orElseThrow().state()).isEqualTo(CaseRow.CLOSED);
        assertThat(replay().orElseThrow().requestedAt()).isEqualTo(requested);
    }

    @Test
    void should_move_to_the_new_team_and_wait_again_on_transfer() {
        Instant requested = add(new EventData.HandoffRequested("repeated_fallback", "billing"));
        add(new EventData.AgentJoined("a1", "Ada"));
        add(new EventData.ConversationTransferred("returns", "a1"));

        CaseRow row = replay().orElseThrow();
        assertThat(row.state()).isEqualTo(CaseRow.WAITING);
        assertThat(row.team()).isEqualTo("returns");
        assertThat(row.agentId()).isNull();
        assertThat(row.requestedAt()).as("keeps its place in the queue").isEqualTo(requested);
    }

    @Test
    void should_keep_the_email_of_an_offline_message() {
        add(new EventData.HandoffRequested(Escalations.OFFLINE_MESSAGE, "support"));
        add(new EventData.OfflineMessageLeft("me@example.com"));
        add(EventData.SystemNotice.of(EventData.SystemNotice.OFFLINE_MESSAGE_RECEIVED));

        CaseRow row = replay().orElseThrow();
        assertThat(row.offlineEmail()).isEqualTo("me@example.com");
        assertThat(row.lastNoticeAt()).as("a thank-you is not a queue notice").isNull();
    }

    @Test
    void should_start_afresh_when_the_customer_is_handed_off_again() {
        add(new EventData.HandoffRequested("customer_request", "billing"));
        add(new EventData.AgentJoined("a1", "Ada"));
        add(new EventData.BotResumed("a1"));
        assertThat(replay().orElseThrow().state()).isEqualTo(CaseRow.CLOSED);

        Instant again = add(new EventData.HandoffRequested("frustration", "support"));

        CaseRow row = replay().orElseThrow();
        assertThat(row.state()).isEqualTo(CaseRow.WAITING);
        assertThat(row.reason()).isEqualTo("frustration");
        assertThat(row.agentId()).isNull();
        assertThat(row.requestedAt()).isEqualTo(again);
    }

    @Test
    void should_open_a_case_with_an_unknown_reason_when_a_person_joins_without_a_recorded_request() {
        add(new EventData.AgentJoined("a1", "Ada"));

        CaseRow row = replay().orElseThrow();
        assertThat(row.reason()).isEqualTo(CaseProjection.UNKNOWN_REASON);
        assertThat(row.team()).isEqualTo("support");
        assertThat(row.state()).isEqualTo(CaseRow.ACTIVE);
    }
}
