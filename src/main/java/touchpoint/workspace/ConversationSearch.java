package touchpoint.workspace;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import touchpoint.chat.ConversationStatus;
import touchpoint.infra.InvalidRequest;

/**
 * Searches conversations by text, label, team, agent, state and date, newest activity first, a page at a time.
 * Reads {@link SearchProjection}'s tables only.
 */
@Singleton
class ConversationSearch {

    /** What to look for; every criterion is optional and they combine with AND. */
    record Criteria(@Nullable String text, @Nullable String label, @Nullable String team, @Nullable String agentId,
                    @Nullable String state, @Nullable Instant from, @Nullable Instant to, int page) {
    }

    @Serdeable
    record Hit(String conversationId, String touchpoint, String state, @Nullable String team, @Nullable String agentId,
               List<String> labels, Instant startedAt, Instant updatedAt) {
    }

    @Serdeable
    record Page(List<Hit> conversations, int page, int pageSize, long total) {
    }

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final WorkspaceConfig config;

    ConversationSearch(JdbcOperations jdbc, TransactionOperations<Connection> tx, WorkspaceConfig config) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.config = config;
    }

    Page search(Criteria c) {
        if (c.page() < 0) {
            throw new InvalidRequest("page", "must be 0 or more");
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (c.text() != null && !c.text().isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM conversation_text t WHERE t.conversation_id = s.conversation_id"
                    + " AND t.text_lower LIKE ? ESCAPE '\\')");
            values.add("%" + likeEscaped(c.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (c.label() != null && !c.label().isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM conversation_label l WHERE l.conversation_id = s.conversation_id AND l.label = ?)");
            values.add(Labels.normalize(c.label()));
        }
        if (c.team() != null && !c.team().isBlank()) {
            where.append(" AND s.team = ?");
            values.add(c.team().strip());
        }
        if (c.agentId() != null && !c.agentId().isBlank()) {
            where.append(" AND s.agent_id = ?");
            values.add(c.agentId().strip());
        }
        if (c.state() != null && !c.state().isBlank()) {
            where.append(" AND s.status = ?");
            values.add(state(c.state()));
        }
        // A conversation matches a period when it was active in it: started before its end, last touched after its start.
        if (c.from() != null) {
            where.append(" AND s.updated_at >= ?");
            values.add(Timestamp.from(c.from()));
        }
        if (c.to() != null) {
            where.append(" AND s.started_at < ?");
            values.add(Timestamp.from(c.to()));
        }
        int size = config.searchPageSize();
        return tx.executeRead(status -> {
            long total = jdbc.prepareStatement("SELECT COUNT(*) FROM conversation_search s" + where, ps -> {
                SearchProjection.bind(ps, values.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            List<Object> paged = new ArrayList<>(values);
            paged.add(size);
            paged.add((long) c.page() * size);
            Map<String, Hit> hits = jdbc.prepareStatement("SELECT s.conversation_id, s.touchpoint, s.status, s.team, s.agent_id, "
                    + "s.started_at, s.updated_at FROM conversation_search s" + where
                    + " ORDER BY s.updated_at DESC, s.conversation_id LIMIT ? OFFSET ?", ps -> {
                SearchProjection.bind(ps, paged.toArray());
                Map<String, Hit> found = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), hit(rs, List.of()));
                    }
                }
                return found;
            });
            List<Hit> withLabels = hits.values().stream()
                    .map(h -> new Hit(h.conversationId(), h.touchpoint(), h.state(), h.team(), h.agentId(), labels(h.conversationId()),
                            h.startedAt(), h.updatedAt()))
                    .toList();
            return new Page(withLabels, c.page(), size, total);
        });
    }

    /** Every label in use, for the console's pickers. */
    List<String> labelsInUse() {
        return tx.executeRead(status -> jdbc.prepareStatement("SELECT DISTINCT label FROM conversation_label ORDER BY label", ps -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }));
    }

    private List<String> labels(String conversationId) {
        return jdbc.prepareStatement("SELECT label FROM conversation_label WHERE conversation_id = ? ORDER BY label", ps -> {
            ps.setString(1, conversationId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static Hit hit(ResultSet rs, List<String> labels) throws SQLException {
        return new Hit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), labels,
                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant());
    }

    private static String state(String raw) {
        try {
            return ConversationStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("state", "must be one of BOT, WAITING_FOR_AGENT, WITH_AGENT, RESOLVED");
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
