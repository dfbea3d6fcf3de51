package touchpoint.workspace;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Async;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.ConversationState;
import touchpoint.chat.EventData;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.chat.TranscriptProjection;

/**
 * The read model the agents' search queries: per conversation its status, team, agent and times
 * ({@code conversation_search}), its labels ({@code conversation_label}) and every message's text in lower case
 * ({@code conversation_text}). A fold over the events applied in the appending transaction, so a search never
 * sees a label the log does not have; {@link #rebuild(String)} recomputes a conversation from its log, and on
 * start conversations the projection has not seen yet (written before it existed) are folded in.
 */
@Singleton
class SearchProjection implements TranscriptProjection {

    private static final Logger LOG = LoggerFactory.getLogger(SearchProjection.class);
    /** Enough for a search to find a long message by any of its words; the log keeps the whole text. */
    private static final int MAX_TEXT = 4000;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    /** A provider: the transcript is built with its projections, this one among them. */
    private final BeanProvider<Transcript> transcript;

    SearchProjection(JdbcOperations jdbc, TransactionOperations<Connection> tx, BeanProvider<Transcript> transcript) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.transcript = transcript;
    }

    @Override
    public void applyWrite(Transcript.Session session, List<TranscriptEvent> appended) {
        fold(session.touchpoint(), session.state(), appended);
    }

    /**
     * Recomputes one conversation's rows from its log, under the conversation's lock (a write that appends
     * nothing), so an event appended meanwhile is folded after the rebuild, not into a half-deleted row.
     */
    void rebuild(String conversationId) {
        Transcript log = transcript.get();
        log.write(conversationId, session -> {
            for (String table : List.of("conversation_label", "conversation_text", "conversation_search")) {
                update("DELETE FROM " + table + " WHERE conversation_id = ?", conversationId);
            }
            List<TranscriptEvent> events = log.events(conversationId);
            if (!events.isEmpty()) {
                fold(session.touchpoint(), ConversationState.replay(conversationId, events), events);
            }
            return null;
        });
    }

    @EventListener
    @Async
    void backfill(StartupEvent started) {
        List<String> missing = tx.executeRead(status -> jdbc.prepareStatement(
                "SELECT c.id FROM conversation c WHERE NOT EXISTS (SELECT 1 FROM conversation_search s WHERE s.conversation_id = c.id)",
                ps -> {
                    List<String> ids = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                    return ids;
                }));
        for (String id : missing) {
            try {
                rebuild(id);
            } catch (RuntimeException e) {
                // Another instance or a new event got there first; the fold of the next event fixes the row.
                LOG.debug("search backfill skipped conversation={} reason={}", id, e.toString());
            }
        }
        if (!missing.isEmpty()) {
            LOG.info("search projection backfilled conversations={}", missing.size());
        }
    }

    /**
     * Folds a run of consecutive events (one write, or the whole log on a rebuild) with the state after the last
     * of them: the search row only keeps the latest status, team, agent and time, so one statement per run gives
     * the same row as one per event. Labels are applied event by event, in order, as a label may come and go
     * within the run.
     */
    private void fold(String touchpoint, ConversationState state, List<TranscriptEvent> events) {
        TranscriptEvent first = events.get(0);
        String conversationId = first.conversationId();
        Timestamp at = Timestamp.from(events.get(events.size() - 1).createdAt());
        String team = state.team().orElse(null);
        String agent = state.agentId().orElse(null);
        int changed = update("UPDATE conversation_search SET status = ?, team = ?, agent_id = ?, updated_at = ? WHERE conversation_id = ?",
                state.status().name(), team, agent, at, conversationId);
        if (changed == 0) {
            update("INSERT INTO conversation_search (conversation_id, touchpoint, status, team, agent_id, started_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", conversationId, touchpoint, state.status().name(), team, agent,
                    Timestamp.from(first.createdAt()), at);
        }
        insertTexts(events);
        for (TranscriptEvent event : events) {
            event.data(EventData.LabelsChanged.class).ifPresent(change -> {
                for (String label : change.removed()) {
                    update("DELETE FROM conversation_label WHERE conversation_id = ? AND label = ?", conversationId, label);
                }
                for (String label : change.added()) {
                    update("INSERT INTO conversation_label (conversation_id, label) VALUES (?, ?)", conversationId, label);
                }
            });
        }
    }

    private void insertTexts(List<TranscriptEvent> events) {
        List<Object[]> rows = new ArrayList<>();
        for (TranscriptEvent event : events) {
            String text = searchable(event);
            if (text != null) {
                rows.add(new Object[] {event.conversationId(), event.seq(), text});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO conversation_text (conversation_id, seq, text_lower) VALUES (?, ?, ?)", ps -> {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /** The words a search should find this event by: what people wrote and what the bot answered. */
    private static String searchable(TranscriptEvent event) {
        String text = switch (event.type()) {
            case CUSTOMER_ASKED, OFFLINE_MESSAGE_LEFT, AGENT_REPLIED, NOTE_ADDED, BOT_ANSWERED, BOT_CLARIFIED, BOT_FELL_BACK,
                 CUSTOMER_ATTACHED, AGENT_ATTACHED -> event.text();
            default -> null;
        };
        if (text == null || text.isBlank()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.length() > MAX_TEXT ? lower.substring(0, MAX_TEXT) : lower;
    }

    private int update(String sql, Object... values) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, values);
            return ps.executeUpdate();
        });
    }

    static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }
}
