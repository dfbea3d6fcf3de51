package touchpoint.handoff;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import touchpoint.chat.ConversationStatus;
import touchpoint.chat.ConversationSummary;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.chat.TranscriptProjection;

/**
 * The hand-off queue ({@code handoff_case}) as a projection of the transcript: every row is what
 * {@link #next} makes of the conversation's events, applied inside the write that appends them, so the queue
 * changes in the same transaction and under the same lock as the log, and {@link #rebuild} can recompute
 * any row from the log alone. It stays a table because assignment asks it, under lock, for the waiting
 * conversations of a team in order and for how many conversations an agent holds — queries over all
 * conversations that a replay per request could not answer.
 */
@Singleton
class CaseProjection implements TranscriptProjection {

    static final String UNKNOWN_REASON = "unknown";
    /** The events {@link #next} reads; the rest of a conversation never touches its case, nor the table. */
    private static final Set<EventType> CHANGES = EnumSet.of(EventType.HANDOFF_REQUESTED, EventType.AGENT_JOINED,
            EventType.CONVERSATION_TRANSFERRED, EventType.SYSTEM_NOTICE, EventType.OFFLINE_MESSAGE_LEFT,
            EventType.BOT_RESUMED, EventType.CONVERSATION_RESOLVED);

    private final CaseRepository cases;
    private final HandoffConfig config;
    private final BeanProvider<Transcript> transcript;

    CaseProjection(CaseRepository cases, HandoffConfig config, BeanProvider<Transcript> transcript) {
        this.cases = cases;
        this.config = config;
        this.transcript = transcript;
    }

    @Override
    public void apply(Transcript.Session session, TranscriptEvent event) {
        if (!CHANGES.contains(event.type())) {
            return;
        }
        Optional<CaseRow> current = cases.findById(event.conversationId());
        next(current.orElse(null), event, session.touchpoint(), config.defaultTeam()).ifPresent(row -> {
            if (current.isPresent()) {
                cases.update(row);
            } else {
                cases.save(row);
            }
        });
    }

    /**
     * One step of the fold: the case after {@code e}, or empty when the event does not change it. A person
     * joining or a transfer without a recorded request (a log older than the queue) still opens a case, with an
     * unknown reason and the default team.
     */
    static Optional<CaseRow> next(CaseRow c, TranscriptEvent e, String touchpoint, String defaultTeam) {
        String id = e.conversationId();
        return switch (e.type()) {
            case HANDOFF_REQUESTED -> e.data(EventData.HandoffRequested.class).map(h -> new CaseRow(id, touchpoint,
                    h.team() != null ? h.team() : defaultTeam, h.reason() != null ? h.reason() : UNKNOWN_REASON,
                    CaseRow.WAITING, null, e.createdAt(), null, null, null, e.createdAt()));
            case AGENT_JOINED -> e.data(EventData.AgentJoined.class)
                    .map(j -> orOpened(c, id, touchpoint, defaultTeam, e).assigned(j.agentId(), e.createdAt()));
            case CONVERSATION_TRANSFERRED -> e.data(EventData.ConversationTransferred.class)
                    .map(t -> orOpened(c, id, touchpoint, defaultTeam, e).waiting(t.team(), e.createdAt()));
            case SYSTEM_NOTICE -> Optional.ofNullable(c).filter(row -> e.data(EventData.SystemNotice.class)
                            .map(n -> EventData.SystemNotice.QUEUE.equals(n.notice()) || EventData.SystemNotice.NO_AGENT_ONLINE.equals(n.notice())
                                    || EventData.SystemNotice.OUTSIDE_HOURS.equals(n.notice()))
                            .orElse(false))
                    .map(row -> row.noticed(e.createdAt()));
            case OFFLINE_MESSAGE_LEFT -> Optional.ofNullable(c).flatMap(row -> e.data(EventData.OfflineMessageLeft.class)
                    .map(m -> row.offline(m.email(), e.createdAt())));
            case BOT_RESUMED, CONVERSATION_RESOLVED -> Optional.ofNullable(c).map(row -> row.closed(e.createdAt()));
            default -> Optional.empty();
        };
    }

    private static CaseRow orOpened(CaseRow c, String id, String touchpoint, String defaultTeam, TranscriptEvent e) {
        return c != null ? c : new CaseRow(id, touchpoint, defaultTeam, UNKNOWN_REASON, CaseRow.WAITING, null, e.createdAt(),
                null, null, null, e.createdAt());
    }

    /** The case as the log has it, from no case at all; empty when the conversation was never handed off. */
    static Optional<CaseRow> replay(String touchpoint, List<TranscriptEvent> events, String defaultTeam) {
        CaseRow c = null;
        for (TranscriptEvent e : events) {
            c = next(c, e, touchpoint, defaultTeam).orElse(c);
        }
        return Optional.ofNullable(c);
    }

    /**
     * Recomputes one conversation's case from its log, replacing whatever the table held. Runs under the
     * conversation's lock, so no write can append between the replay and the row it leaves.
     */
    Optional<CaseRow> rebuild(String conversationId) {
        Transcript log = transcript.get();
        return log.write(conversationId, session -> {
            Optional<CaseRow> rebuilt = replay(session.touchpoint(), log.events(conversationId), config.defaultTeam());
            Optional<CaseRow> stored = cases.findById(conversationId);
            if (rebuilt.isEmpty()) {
                stored.ifPresent(cases::delete);
            } else if (stored.isPresent()) {
                cases.update(rebuilt.get());
            } else {
                cases.save(rebuilt.get());
            }
            return rebuilt.orElse(null);
        }).map(Transcript.Written::value);
    }

    /**
     * Rebuilds every case the queue can see: those the table holds open and those whose conversation waits for or
     * is with a person. Returns how many conversations it looked at.
     */
    int rebuildOpen() {
        Set<String> ids = new LinkedHashSet<>();
        cases.findByStateOrderByRequestedAt(CaseRow.WAITING).forEach(c -> ids.add(c.conversationId()));
        cases.findByStateOrderByRequestedAt(CaseRow.ACTIVE).forEach(c -> ids.add(c.conversationId()));
        for (ConversationStatus status : List.of(ConversationStatus.WAITING_FOR_AGENT, ConversationStatus.WITH_AGENT)) {
            transcript.get().withStatus(status).stream().map(ConversationSummary::id).forEach(ids::add);
        }
        ids.forEach(this::rebuild);
        return ids.size();
    }
}
