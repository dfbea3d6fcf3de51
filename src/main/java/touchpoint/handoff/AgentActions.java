package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import touchpoint.chat.ConversationNotFound;
import touchpoint.chat.ConversationState;
import touchpoint.chat.ConversationStatus;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.infra.Conflict;
import touchpoint.infra.InvalidRequest;

/**
 * What agents do with a conversation: claim, reply, hand back, resolve, transfer, and going online. Every change
 * is a transcript write, so it happens on the conversation's row lock: two agents can never both take one
 * conversation. An agent's presence row is locked only after the conversation, as {@link AutoAssign} does.
 */
@Singleton
class AgentActions {

    private final Transcript transcript;
    private final CaseRepository cases;
    private final PresenceRepository presence;
    private final Presence online;
    private final HandoffQueue queue;
    private final AutoAssign assignment;
    private final AgentDirectory directory;
    private final TeamDirectory teams;
    private final Clock clock;

    AgentActions(Transcript transcript, CaseRepository cases, PresenceRepository presence, Presence online,
                 HandoffQueue queue, AutoAssign assignment, AgentDirectory directory, TeamDirectory teams, Clock clock) {
        this.teams = teams;
        this.transcript = transcript;
        this.cases = cases;
        this.presence = presence;
        this.online = online;
        this.queue = queue;
        this.assignment = assignment;
        this.directory = directory;
        this.clock = clock;
    }

    /** Sets the agent's presence; coming online offers them their teams' waiting conversations at once. */
    void setPresence(String agentId, PresenceStatus status) {
        online.set(agentId, status);
        if (status == PresenceStatus.ONLINE) {
            assignment.assignWaiting(directory.teamsOf(agentId));
        }
    }

    void claim(String conversationId, Actor actor) {
        AgentRow agent = directory.active(actor.agentId()).orElseThrow(AgentActions::forbidden);
        write(conversationId, session -> {
            if (session.state().status() != ConversationStatus.WAITING_FOR_AGENT) {
                throw new AlreadyClaimed();
            }
            Instant now = clock.instant();
            CaseRow row = queue.caseOf(session, now);
            assignment.assign(session, row, agent, null, "claim", now);
            presence.findByIdForUpdate(agent.id()).ifPresent(p -> presence.update(p.assignedAt(now)));
        });
    }

    /**
     * Appends the agent's reply; returns false when {@code clientMessageId} was already stored by this agent (a
     * retry after a lost response), which changes nothing.
     */
    boolean reply(String conversationId, Actor actor, String text, @Nullable String clientMessageId, @Nullable String faqId) {
        // Namespaced so an agent's ids never meet the customer's in the conversation's one set of client ids.
        String key = clientMessageId == null ? null : "agent." + actor.agentId() + "." + clientMessageId;
        boolean[] stored = {false};
        write(conversationId, session -> {
            if (key != null) {
                Optional<List<TranscriptEvent>> earlier = session.replayOf(key);
                if (earlier.isPresent()) {
                    if (earlier.get().get(0).type() != EventType.AGENT_REPLIED) {
                        throw new Conflict("That clientMessageId is taken in this conversation");
                    }
                    return;
                }
            }
            requireOwner(session, actor);
            session.append(NewEvent.of(new EventData.AgentReplied(actor.agentId(), actor.displayName(), faqId))
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
        assignment.freed(actor.agentId());
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
        assignment.freed(actor.agentId());
    }

    /**
     * Moves a conversation to another team's queue, or straight to one agent of that team (re-assignment).
     * Either way the old owner is released and the customer is told.
     */
    void transfer(String conversationId, Actor actor, String team, String toAgentId) {
        move(conversationId, actor, team, toAgentId, false);
    }

    /**
     * A supervisor moves a conversation of their teams, waiting or with someone else, to another team or agent: the
     * owner check of a transfer does not apply (the caller checked the conversation is in the supervisor's teams).
     */
    void reassign(String conversationId, Actor supervisor, String team, String toAgentId) {
        move(conversationId, supervisor, team, toAgentId, true);
    }

    private void move(String conversationId, Actor actor, String team, String toAgentId, boolean supervising) {
        if (!directory.teamExists(team)) {
            throw new InvalidRequest("team", "is not a known team");
        }
        Optional<AgentRow> target = Optional.empty();
        if (toAgentId != null) {
            target = directory.active(toAgentId).filter(a -> directory.teamsOf(a.id()).contains(team));
            if (target.isEmpty()) {
                throw new InvalidRequest("agentId", "is not an enabled agent of team " + team);
            }
        }
        Optional<AgentRow> to = target;
        String[] released = {actor.agentId()};
        write(conversationId, session -> {
            ConversationStatus status = session.state().status();
            if (status == ConversationStatus.WITH_AGENT && !supervising) {
                requireOwner(session, actor);
            } else if (status != ConversationStatus.WITH_AGENT && status != ConversationStatus.WAITING_FOR_AGENT) {
                throw new Conflict("Only a conversation with or waiting for an agent can be transferred");
            }
            if (to.isPresent() && to.get().id().equals(session.state().agentId().orElse(null))) {
                throw new Conflict("The conversation is already with that agent");
            }
            released[0] = session.state().agentId().orElse(null);
            Instant now = clock.instant();
            session.append(NewEvent.of(new EventData.ConversationTransferred(team, actor.agentId()))
                    .text("You're being transferred to our " + teams.displayName(team) + " team."));
            CaseRow moved = cases.findById(conversationId).orElseThrow();
            if (to.isPresent()) {
                assignment.assign(session, moved, to.get(), null, supervising ? "reassign" : "transfer", now);
                presence.findByIdForUpdate(to.get().id()).ifPresent(p -> presence.update(p.assignedAt(now)));
            } else if (!assignment.tryAssign(session, moved, null)) {
                queue.notice(session, moved, null, now);
            }
        });
        if (released[0] != null) {
            assignment.freed(released[0]);
        }
    }

    private static void requireOwner(Transcript.Session session, Actor actor) {
        ConversationState state = session.state();
        if (state.status() != ConversationStatus.WITH_AGENT) {
            throw new Conflict("The conversation is not with an agent");
        }
        if (!actor.admin() && !state.agentId().map(actor.agentId()::equals).orElse(false)) {
            throw new OwnedByAnotherAgent();
        }
    }

    private void write(String conversationId, java.util.function.Consumer<Transcript.Session> work) {
        transcript.write(conversationId, session -> {
            work.accept(session);
            return null;
        }).orElseThrow(ConversationNotFound::new);
    }

    private static AgentDisabled forbidden() {
        return new AgentDisabled("This user is disabled");
    }
}
