package touchpoint.handoff;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import touchpoint.chat.ConversationState;
import touchpoint.chat.EventData;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Transcript;

/**
 * The hand-off cases: who waits, who is with whom, and what a waiting customer is told about their place. Only
 * read here: the rows follow from the transcript events ({@link CaseProjection}).
 */
@Singleton
class HandoffQueue {

    private final CaseRepository cases;
    private final Presence presence;
    private final HandoffConfig config;
    private final PriorityOrder order;

    HandoffQueue(CaseRepository cases, Presence presence, HandoffConfig config, PriorityOrder order) {
        this.order = order;
        this.cases = cases;
        this.presence = presence;
        this.config = config;
    }

    List<CaseRow> waiting() {
        return order.apply(cases.findByStateOrderByRequestedAt(CaseRow.WAITING));
    }

    List<CaseRow> activeFor(String agentId) {
        return cases.findByAgentIdAndState(agentId, CaseRow.ACTIVE);
    }

    Optional<CaseRow> caseOf(String conversationId) {
        return cases.findById(conversationId);
    }

    /**
     * The conversation's case; for a conversation that reached people without one, the case the events about to
     * be appended will open (see {@link CaseProjection}).
     */
    CaseRow caseOf(Transcript.Session session, Instant now) {
        ConversationState state = session.state();
        return cases.findById(state.conversationId()).orElseGet(() -> new CaseRow(state.conversationId(),
                session.touchpoint(), state.team().orElse(config.defaultTeam()), CaseProjection.UNKNOWN_REASON, CaseRow.WAITING,
                null, now, null, null, null, now));
    }

    int position(CaseRow row) {
        List<CaseRow> queue = order.apply(cases.findByStateAndTeamOrderByRequestedAt(CaseRow.WAITING, row.team()));
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).conversationId().equals(row.conversationId())) {
                return i + 1;
            }
        }
        return queue.size() + 1;
    }

    long expectedMinutes(int position, long onlineAgents) {
        long rounds = (position + Math.max(1, onlineAgents) - 1) / Math.max(1, onlineAgents);
        return Math.max(1, rounds * config.minutesPerConversation());
    }

    /** Tells a waiting customer honestly where they stand: their place and wait, or that nobody is online. */
    void notice(Transcript.Session session, CaseRow row, Long inReplyTo, Instant now) {
        long online = presence.onlineInTeam(row.team(), now);
        if (online == 0) {
            session.append(NewEvent.of(EventData.SystemNotice.noAgentOnline(row.team()))
                    .text("No one from our team is online right now. Leave your email address and a message, "
                            + "and we will reply by email."), inReplyTo);
        } else {
            int position = position(row);
            long minutes = expectedMinutes(position, online);
            session.append(NewEvent.of(EventData.SystemNotice.queue(row.team(), position, minutes))
                    .text("All our agents are busy. You are number " + position + " in the queue; the expected wait is about "
                            + minutes + (minutes == 1 ? " minute." : " minutes.")), inReplyTo);
        }
    }
}
