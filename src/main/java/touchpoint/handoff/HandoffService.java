package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.ConversationState;
import touchpoint.chat.ConversationStatus;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;

/**
 * Hand-off between the bot and people: requests, the queue, assignment, and what agents do with a conversation.
 * Every change is a transcript write (the queue follows from the events, see {@link CaseProjection}), so it happens on the conversation's row lock: two instances or two agents
 * can never both take one conversation. Per-agent capacity is held by also locking the agent's presence row
 * (always after the conversation, so locks are taken in one order and cannot deadlock).
 */
@Singleton
public class HandoffService {

    private static final Logger LOG = LoggerFactory.getLogger(HandoffService.class);

    /** Reasons recorded on HANDOFF_REQUESTED. */
    public static final String CUSTOMER_REQUEST = "customer_request";
    public static final String REPEATED_FALLBACK = "repeated_fallback";
    public static final String REPEATED_THUMBS_DOWN = "repeated_thumbs_down";
    public static final String FRUSTRATION = "frustration";
    public static final String OFFLINE_MESSAGE = "offline_message";

    private final Transcript transcript;
    private final CaseRepository cases;
    private final PresenceRepository presence;
    private final AgentDirectory directory;
    private final TeamRouter router;
    private final HandoffConfig config;
    private final Clock clock;

    HandoffService(Transcript transcript, CaseRepository cases, PresenceRepository presence, AgentDirectory directory,
                   TeamRouter router, HandoffConfig config, Clock clock) {
        this.transcript = transcript;
        this.cases = cases;
        this.presence = presence;
        this.directory = directory;
        this.router = router;
        this.config = config;
        this.clock = clock;
    }

    /** Who acts: the logged-in agent. */
    record Actor(String agentId, String displayName, boolean admin) {
    }

    // ---- requests (inside a customer's write) ----

    /**
     * Moves a conversation the bot owns into the queue, routes it, assigns it if an agent is free, and tells the
     * customer honestly what happens next. Does nothing when people already own or await the conversation.
     */
    void request(Transcript.Session session, Long inReplyTo, String reason, List<String> faqHints) {
        ConversationState state = session.state();
        if (!state.status().botMaySpeak()) {
            return;
        }
        Instant now = clock.instant();
        String team = router.teamFor(state, session.touchpoint(), faqHints);
        session.append(NewEvent.of(new EventData.HandoffRequested(reason, team))
                .text("I'm passing you to a person from our " + team + " team."), inReplyTo);
        String id = state.conversationId();
        CaseRow row = cases.findById(id).orElseThrow();
        LOG.info("handoff requested conversation={} reason={} team={}", id, reason, team);
        if (!tryAssign(session, row, inReplyTo) && !OFFLINE_MESSAGE.equals(reason)) {
            notice(session, row, inReplyTo, now);
        }
    }

    /** A customer wrote while waiting: tell them where they stand, at most once per interval. */
    void customerWaiting(Transcript.Session session, Long inReplyTo) {
        Instant now = clock.instant();
        cases.findById(session.state().conversationId())
                .filter(c -> CaseRow.WAITING.equals(c.state()))
                .filter(c -> c.lastNoticeAt() == null || !c.lastNoticeAt().plus(config.waitingNoticeInterval()).isAfter(now))
                .ifPresent(c -> notice(session, c, inReplyTo, now));
    }

    private void notice(Transcript.Session session, CaseRow row, Long inReplyTo, Instant now) {
        long online = onlineInTeam(row.team(), now);
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

    // ---- assignment ----

    /** Gives a waiting conversation to the least recently assigned online agent of its team with free capacity. */
    private boolean tryAssign(Transcript.Session session, CaseRow row, Long inReplyTo) {
        if (!config.autoAssign() || row.offlineEmail() != null) {
            return false;
        }
        Instant now = clock.instant();
        for (PresenceRow candidate : presence.findAvailable(row.team(), freshSince(now))) {
            Optional<PresenceRow> locked = presence.findByIdForUpdate(candidate.agentId())
                    .filter(p -> PresenceStatus.ONLINE.name().equals(p.status()) && p.lastHeartbeatAt().isAfter(freshSince(now)));
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

    private void assign(Transcript.Session session, CaseRow row, AgentRow agent, Long inReplyTo, String via, Instant now) {
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
        List<CaseRow> waiting = cases.findByStateOrderByRequestedAt(CaseRow.WAITING).stream()
                .filter(c -> c.offlineEmail() == null && (teams.isEmpty() || teams.contains(c.team())))
                .toList();
        for (CaseRow c : waiting) {
            if (presence.findAvailable(c.team(), freshSince(clock.instant())).isEmpty()) {
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

    // ---- what agents do ----

    void claim(String conversationId, Actor actor) {
        AgentRow agent = directory.active(actor.agentId()).orElseThrow(HandoffService::forbidden);
        write(conversationId, session -> {
            if (session.state().status() != ConversationStatus.WAITING_FOR_AGENT) {
                throw new HttpStatusException(HttpStatus.CONFLICT, "The conversation is not waiting for an agent");
            }
            Instant now = clock.instant();
            CaseRow row = caseOf(session, now);
            assign(session, row, agent, null, "claim", now);
            presence.findByIdForUpdate(agent.id()).ifPresent(p -> presence.update(p.assignedAt(now)));
        });
    }

    /**
     * Appends the agent's reply; returns false when {@code clientMessageId} was already stored by this agent (a
     * retry after a lost response), which changes nothing.
     */
    boolean reply(String conversationId, Actor actor, String text, @Nullable String clientMessageId) {
        // Namespaced so an agent's ids never meet the customer's in the conversation's one set of client ids.
        String key = clientMessageId == null ? null : "agent." + actor.agentId() + "." + clientMessageId;
        boolean[] stored = {false};
        write(conversationId, session -> {
            if (key != null) {
                Optional<List<TranscriptEvent>> earlier = session.replayOf(key);
                if (earlier.isPresent()) {
                    if (earlier.get().get(0).type() != EventType.AGENT_REPLIED) {
                        throw new HttpStatusException(HttpStatus.CONFLICT, "That clientMessageId is taken in this conversation");
                    }
                    return;
                }
            }
            requireOwner(session, actor);
            session.append(NewEvent.of(new EventData.AgentReplied(actor.agentId(), actor.displayName(), null))
                    .text(text).clientMessageId(key));
            stored[0] = true;
        });
        return stored[0];
    }

    void handBack(String conversationId, Actor actor) {
        write(conversationId, session -> {
            requireOwner(session, actor);
            session.append(NewEvent.of(new EventData.BotResumed(actor.agentId()))
                    .text("You're back with the assistant. Ask me anything."));
        });
        freed(actor.agentId());
    }

    void resolve(String conversationId, Actor actor) {
        write(conversationId, session -> {
            ConversationStatus status = session.state().status();
            // An offline request is resolved from the queue by whoever answered it by email.
            if (status != ConversationStatus.WAITING_FOR_AGENT) {
                requireOwner(session, actor);
            }
            session.append(NewEvent.of(new EventData.ConversationResolved(actor.agentId()))
                    .text("This conversation has been resolved."));
        });
        freed(actor.agentId());
    }

    /**
     * Moves a conversation to another team's queue, or straight to one agent of that team (re-assignment).
     * Either way the old owner is released and the customer is told.
     */
    void transfer(String conversationId, Actor actor, String team, String toAgentId) {
        if (!directory.teamExists(team)) {
            throw new touchpoint.infra.BadRequestException("team", "is not a known team");
        }
        Optional<AgentRow> target = Optional.empty();
        if (toAgentId != null) {
            target = directory.active(toAgentId).filter(a -> directory.teamsOf(a.id()).contains(team));
            if (target.isEmpty()) {
                throw new touchpoint.infra.BadRequestException("agentId", "is not an enabled agent of team " + team);
            }
        }
        Optional<AgentRow> to = target;
        write(conversationId, session -> {
            ConversationStatus status = session.state().status();
            if (status == ConversationStatus.WITH_AGENT) {
                requireOwner(session, actor);
            } else if (status != ConversationStatus.WAITING_FOR_AGENT) {
                throw new HttpStatusException(HttpStatus.CONFLICT, "Only a conversation with or waiting for an agent can be transferred");
            }
            Instant now = clock.instant();
            session.append(NewEvent.of(new EventData.ConversationTransferred(team, actor.agentId()))
                    .text("You're being transferred to our " + team + " team."));
            CaseRow moved = cases.findById(conversationId).orElseThrow();
            if (to.isPresent()) {
                assign(session, moved, to.get(), null, "transfer", now);
                presence.findByIdForUpdate(to.get().id()).ifPresent(p -> presence.update(p.assignedAt(now)));
            } else if (!tryAssign(session, moved, null)) {
                notice(session, moved, null, now);
            }
        });
        freed(actor.agentId());
    }

    /** The customer leaves an email address and a message; it waits in the queue as an offline request. */
    /** @return false when the conversation does not exist or the token is wrong (callers must not tell which) */
    boolean leaveOfflineMessage(String conversationId, String token, String email, String text) {
        if (!transcript.tokenMatches(conversationId, token)) {
            return false;
        }
        transcript.write(conversationId, session -> {
            if (session.state().status() == ConversationStatus.WITH_AGENT) {
                throw new HttpStatusException(HttpStatus.CONFLICT, "An agent is with you: write to them in the conversation");
            }
            request(session, null, OFFLINE_MESSAGE, List.of());
            session.append(NewEvent.of(new EventData.OfflineMessageLeft(email)).text(text));
            session.append(NewEvent.of(EventData.SystemNotice.of(EventData.SystemNotice.OFFLINE_MESSAGE_RECEIVED))
                    .text("Thanks - we'll reply to " + email + " as soon as someone is available."));
            return null;
        });
        return true;
    }

    // ---- presence and queue ----

    void setPresence(String agentId, PresenceStatus status) {
        Instant now = clock.instant();
        Optional<PresenceRow> existing = presence.findById(agentId);
        if (existing.isPresent()) {
            presence.update(existing.get().seen(status.name(), now));
        } else {
            presence.save(new PresenceRow(agentId, status.name(), now, null));
        }
        if (status == PresenceStatus.ONLINE) {
            assignWaiting(directory.teamsOf(agentId));
        }
    }

    PresenceStatus presenceOf(String agentId) {
        Instant now = clock.instant();
        return presence.findById(agentId)
                .map(p -> p.lastHeartbeatAt().isAfter(freshSince(now)) ? PresenceStatus.valueOf(p.status()) : PresenceStatus.OFFLINE)
                .orElse(PresenceStatus.OFFLINE);
    }

    List<CaseRow> waiting() {
        return cases.findByStateOrderByRequestedAt(CaseRow.WAITING);
    }

    List<CaseRow> activeFor(String agentId) {
        return cases.findByAgentIdAndState(agentId, CaseRow.ACTIVE);
    }

    Optional<CaseRow> caseOf(String conversationId) {
        return cases.findById(conversationId);
    }

    int position(CaseRow row) {
        List<CaseRow> queue = cases.findByStateAndTeamOrderByRequestedAt(CaseRow.WAITING, row.team());
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

    long onlineInTeam(String team, Instant now) {
        return presence.findAvailable(team, freshSince(now)).size();
    }

    // ---- helpers ----

    private Instant freshSince(Instant now) {
        return now.minus(config.heartbeatStaleAfter());
    }

    private void freed(String agentId) {
        try {
            assignWaiting(directory.teamsOf(agentId));
        } catch (RuntimeException e) {
            LOG.warn("re-assignment after freed capacity failed agent={} reason={}", agentId, e.toString());
        }
    }

    /** The conversation's case; one the log never opened is opened by the events about to be appended. */
    private CaseRow caseOf(Transcript.Session session, Instant now) {
        ConversationState state = session.state();
        return cases.findById(state.conversationId()).orElseGet(() -> new CaseRow(state.conversationId(),
                session.touchpoint(), state.team().orElse(config.defaultTeam()), CaseProjection.UNKNOWN_REASON, CaseRow.WAITING,
                null, now, null, null, null, now));
    }

    private static void requireOwner(Transcript.Session session, Actor actor) {
        ConversationState state = session.state();
        if (state.status() != ConversationStatus.WITH_AGENT) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "The conversation is not with an agent");
        }
        if (!actor.admin() && !state.agentId().map(actor.agentId()::equals).orElse(false)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "Another agent owns this conversation");
        }
    }

    private void write(String conversationId, java.util.function.Consumer<Transcript.Session> work) {
        transcript.write(conversationId, session -> {
            work.accept(session);
            return null;
        }).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No conversation with that id"));
    }

    private static HttpStatusException forbidden() {
        return new HttpStatusException(HttpStatus.FORBIDDEN, "This user is disabled");
    }
}
