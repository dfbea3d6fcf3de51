package touchpoint.handoff;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.ConversationStatus;
import touchpoint.chat.EventData;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Transcript;

/**
 * Gives waiting conversations to agents. Every assignment is a transcript write, so it happens on the
 * conversation's row lock: two instances can never both assign one conversation. Per-agent capacity is held by
 * also locking the agent's presence row (always after the conversation, so locks are taken in one order and
 * cannot deadlock).
 */
@Singleton
class AutoAssign {

    private static final Logger LOG = LoggerFactory.getLogger(AutoAssign.class);

    private final Transcript transcript;
    private final CaseRepository cases;
    private final PresenceRepository presence;
    private final Presence online;
    private final AgentDirectory directory;
    private final HandoffConfig config;
    private final Clock clock;
    private final PriorityOrder order;

    AutoAssign(Transcript transcript, CaseRepository cases, PresenceRepository presence, Presence online,
               AgentDirectory directory, HandoffConfig config, Clock clock, PriorityOrder order) {
        this.order = order;
        this.transcript = transcript;
        this.cases = cases;
        this.presence = presence;
        this.online = online;
        this.directory = directory;
        this.config = config;
        this.clock = clock;
    }

    /** Gives a waiting conversation to the least recently assigned online agent of its team with free capacity. */
    boolean tryAssign(Transcript.Session session, CaseRow row, Long inReplyTo) {
        if (!config.autoAssign() || row.offlineEmail() != null) {
            return false;
        }
        Instant now = clock.instant();
        for (PresenceRow candidate : presence.findAvailable(row.team(), online.freshSince(now))) {
            Optional<PresenceRow> locked = presence.findByIdForUpdate(candidate.agentId())
                    .filter(p -> PresenceStatus.ONLINE.name().equals(p.status()) && p.lastHeartbeatAt().isAfter(online.freshSince(now)));
            if (locked.isEmpty() || cases.countByAgentIdAndState(candidate.agentId(), CaseRow.ACTIVE) >= config.maxConversationsPerAgent()) {
                continue;
            }
            Optional<AgentRow> agent = directory.active(candidate.agentId());
            if (agent.isEmpty()) {
                continue;
            }
            assign(session, row, agent.get(), inReplyTo, "auto", now);
            presence.update(locked.get().assignedAt(now));
            return true;
        }
        return false;
    }

    /** Records the assignment; the caller holds the conversation's lock and takes the agent's capacity. */
    void assign(Transcript.Session session, CaseRow row, AgentRow agent, Long inReplyTo, String via, Instant now) {
        session.append(NewEvent.of(new EventData.AgentAssigned(agent.id(), row.team(), via)), inReplyTo);
        session.append(NewEvent.of(new EventData.AgentJoined(agent.id(), agent.displayName()))
                .text(agent.displayName() + " has joined the conversation."), inReplyTo);
        LOG.info("conversation assigned conversation={} agent={} via={}", row.conversationId(), agent.id(), via);
    }

    /** Offers every waiting conversation of these teams (all when empty) to free agents, oldest first. */
    void assignWaiting(List<String> teams) {
        if (!config.autoAssign()) {
            return;
        }
        List<CaseRow> waiting = order.apply(cases.findByStateOrderByRequestedAt(CaseRow.WAITING)).stream()
                .filter(c -> c.offlineEmail() == null && (teams.isEmpty() || teams.contains(c.team())))
                .toList();
        for (CaseRow c : waiting) {
            if (presence.findAvailable(c.team(), online.freshSince(clock.instant())).isEmpty()) {
                continue;
            }
            transcript.write(c.conversationId(), session -> {
                // Re-read under the lock: another instance may have assigned it meanwhile.
                if (session.state().status() == ConversationStatus.WAITING_FOR_AGENT && session.state().agentId().isEmpty()) {
                    cases.findById(c.conversationId()).filter(fresh -> CaseRow.WAITING.equals(fresh.state()))
                            .ifPresent(fresh -> tryAssign(session, fresh, null));
                }
                return null;
            });
        }
    }

    /** A safety net for assignments no event triggered: an agent's heartbeat going stale, a missed message. */
    @Scheduled(fixedDelay = "${touchpoint.handoff.sweep-interval:15s}", initialDelay = "${touchpoint.handoff.sweep-interval:15s}")
    void sweep() {
        try {
            assignWaiting(List.of());
        } catch (RuntimeException e) {
            LOG.warn("assignment sweep failed reason={}", e.toString());
        }
    }

    /** An agent's capacity was freed: offer their teams' queue again, without failing what freed it. */
    void freed(String agentId) {
        try {
            assignWaiting(directory.teamsOf(agentId));
        } catch (RuntimeException e) {
            LOG.warn("re-assignment after freed capacity failed agent={} reason={}", agentId, e.toString());
        }
    }
}
