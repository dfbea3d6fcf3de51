package touchpoint.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import touchpoint.chat.ConversationState;
import touchpoint.chat.ConversationStatus;
import touchpoint.chat.EventData;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.testing.EmbeddedInfra;

/**
 * The queue is a projection of the log: what the live writes leave in {@code handoff_case} is what a rebuild
 * from the events gives, and logs written before events were typed replay into the same state and queue. On
 * PostgreSQL, where existing deployments keep their old rows.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.handoff.auto-assign", value = "false")
class CaseProjectionIT implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return EmbeddedInfra.postgresOnly(EmbeddedInfra.newDatabaseUrl());
    }

    @Inject
    Transcript transcript;

    @Inject
    CaseProjection projection;

    @Inject
    CaseRepository cases;

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    ApplicationContext context;

    private String started() {
        String id = UUID.randomUUID().toString();
        transcript.start(id, "hash-" + id, "checkout", "en", s -> s.append(NewEvent.of(new EventData.ConversationStarted("checkout", "en"))));
        return id;
    }

    private void append(String id, NewEvent event) {
        transcript.write(id, s -> s.append(event)).orElseThrow();
    }

    @Test
    void should_rebuild_from_the_log_the_row_the_live_writes_left() {
        String id = started();
        append(id, NewEvent.of(new EventData.HandoffRequested("customer_request", "billing")));
        append(id, NewEvent.of(EventData.SystemNotice.queue("billing", 1, 3)));
        append(id, NewEvent.of(new EventData.AgentJoined("agent-1", "Ada")));
        CaseRow live = cases.findById(id).orElseThrow();
        assertThat(live.state()).isEqualTo(CaseRow.ACTIVE);
        assertThat(live.agentId()).isEqualTo("agent-1");
        assertThat(live.touchpoint()).isEqualTo("checkout");

        cases.deleteById(id);
        assertThat(projection.rebuild(id)).contains(live);

        assertThat(cases.findById(id)).contains(live);
    }

    @Test
    void should_correct_a_queue_row_that_disagrees_with_the_log() {
        String id = started();
        append(id, NewEvent.of(new EventData.HandoffRequested("repeated_fallback", "returns")));
        append(id, NewEvent.of(new EventData.AgentJoined("agent-2", "Bo")));
        append(id, NewEvent.of(new EventData.ConversationResolved("agent-2")));
        CaseRow closed = cases.findById(id).orElseThrow();
        cases.update(new CaseRow(id, closed.touchpoint(), closed.team(), closed.reason(), CaseRow.WAITING, null,
                closed.requestedAt(), null, null, null, closed.updatedAt()));

        projection.rebuildOpen();

        assertThat(cases.findById(id)).contains(closed);
        assertThat(cases.findByStateOrderByRequestedAt(CaseRow.WAITING)).extracting(CaseRow::conversationId).doesNotContain(id);
    }

    @Test
    void should_replay_a_log_written_before_events_were_typed() throws Exception {
        String id = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        tx.executeWrite(status -> {
            try {
                insertOldLog(status.getConnection(), id, at);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });

        assertThat(context.getProperty("datasources.default.url", String.class).orElseThrow()).startsWith("jdbc:postgresql:");
        ConversationState state = transcript.state(id);
        List<TranscriptEvent> events = transcript.events(id);
        CaseRow row = projection.rebuild(id).orElseThrow();

        assertThat(state.status()).isEqualTo(ConversationStatus.WITH_AGENT);
        assertThat(state.agentId()).contains("agent-9");
        assertThat(state.team()).contains("billing");
        assertThat(state.rejectedFaqIds()).containsExactly("refund-timing");
        assertThat(state.lastCandidates()).containsExactly("refund-timing", "how-to-return");
        assertThat(events.get(3).data()).isEqualTo(new EventData.AnswerRated("refund-timing", false, 3, "thumbs"));
        assertThat(events.get(5).data()).isEqualTo(EventData.SystemNotice.noAgentOnline("billing"));
        assertThat(row.state()).isEqualTo(CaseRow.ACTIVE);
        assertThat(row.reason()).isEqualTo("repeated_thumbs_down");
        assertThat(row.agentId()).isEqualTo("agent-9");
        assertThat(row.lastNoticeAt()).isEqualTo(at.plusSeconds(5));

        append(id, NewEvent.of(new EventData.ConversationResolved("agent-9")).text("Resolved"));
        assertThat(transcript.state(id).status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(cases.findById(id).orElseThrow().state()).isEqualTo(CaseRow.CLOSED);
    }

    /** Writes a conversation as the service did before events were typed: data as a map of strings. */
    private static void insertOldLog(Connection c, String id, Instant at) throws SQLException {
        try (PreparedStatement conversation = c.prepareStatement("INSERT INTO conversation "
                + "(id, token_hash, touchpoint, locale, status, last_seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            conversation.setString(1, id);
            conversation.setString(2, "old-hash");
            conversation.setString(3, "checkout");
            conversation.setString(4, "en");
            conversation.setString(5, ConversationStatus.WITH_AGENT.name());
            conversation.setLong(6, 7);
            conversation.setObject(7, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            conversation.setObject(8, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            conversation.executeUpdate();
        }
        String[][] log = {
            {"CONVERSATION_STARTED", "{\"data\":{\"touchpoint\":\"checkout\",\"locale\":\"en\"}}"},
            {"CUSTOMER_ASKED", "{\"text\":\"where is my refund\"}"},
            {"BOT_ANSWERED", "{\"text\":\"5 days\",\"faqId\":\"refund-timing\",\"confidence\":0.9,\"data\":{\"title\":\"Refunds\","
                    + "\"question\":\"where is my refund\",\"candidates\":\"refund-timing,how-to-return\",\"cited\":\"refund-timing\"}}"},
            {"ANSWER_RATED", "{\"data\":{\"helpful\":\"false\",\"faqId\":\"refund-timing\",\"messageSeq\":\"3\",\"via\":\"thumbs\"}}"},
            {"HANDOFF_REQUESTED", "{\"text\":\"Passing you on\",\"data\":{\"reason\":\"repeated_thumbs_down\",\"team\":\"billing\"}}"},
            {"SYSTEM_NOTICE", "{\"text\":\"Nobody\",\"data\":{\"notice\":\"no_agent_online\",\"offlineMessage\":\"true\",\"team\":\"billing\"}}"},
            {"AGENT_JOINED", "{\"text\":\"Ada joined\",\"data\":{\"agentId\":\"agent-9\",\"agentName\":\"Ada\"}}"},
        };
        try (PreparedStatement event = c.prepareStatement("INSERT INTO conversation_event "
                + "(conversation_id, seq, message_id, event_type, created_at, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < log.length; i++) {
                event.setString(1, id);
                event.setLong(2, i + 1);
                event.setString(3, UUID.randomUUID().toString());
                event.setString(4, log[i][0]);
                event.setObject(5, OffsetDateTime.ofInstant(at.plusSeconds(i), ZoneOffset.UTC));
                event.setString(6, log[i][1]);
                event.executeUpdate();
            }
        }
    }
}
