package touchpoint.handoff;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import touchpoint.handoff.TeamApi.AgentLoad;
import touchpoint.handoff.TeamApi.LiveView;
import touchpoint.handoff.TeamApi.Overview;
import touchpoint.handoff.TeamApi.SupervisedTeam;
import touchpoint.handoff.TeamApi.WaitingView;
import touchpoint.infra.NotFound;

/**
 * What a supervisor sees of their teams and sub-teams — the waiting queue against each team's first-response
 * target, the conversations with agents, and every member's load — and the reassignment they may make. Outside
 * their teams a conversation or team answers as not found, so the API does not tell which exist.
 */
@Singleton
class Supervision {

    private final SupervisorScope scope;
    private final TeamDirectory teams;
    private final CaseRepository cases;
    private final AgentRepository agents;
    private final AgentTeamRepository memberships;
    private final HandoffQueue queue;
    private final Presence presence;
    private final AgentActions actions;
    private final HandoffConfig config;
    private final Clock clock;

    Supervision(SupervisorScope scope, TeamDirectory teams, CaseRepository cases, AgentRepository agents,
                AgentTeamRepository memberships, HandoffQueue queue, Presence presence, AgentActions actions,
                HandoffConfig config, Clock clock) {
        this.scope = scope;
        this.teams = teams;
        this.cases = cases;
        this.agents = agents;
        this.memberships = memberships;
        this.queue = queue;
        this.presence = presence;
        this.actions = actions;
        this.config = config;
        this.clock = clock;
    }

    /** The supervisor's teams, or one of them with its sub-teams. */
    Overview overview(Actor actor, String team) {
        Set<String> mine = scope.teamsOf(actor.agentId());
        Set<String> shown = mine;
        if (team != null && !team.isBlank()) {
            if (!mine.contains(team)) {
                throw new NotFound("No team of yours with that id");
            }
            shown = teams.withDescendants(List.of(team));
        }
        Instant now = clock.instant();
        Map<String, TeamRow> rows = new LinkedHashMap<>();
        teams.all().stream().filter(t -> mine.contains(t.name())).forEach(t -> rows.put(t.name(), t));
        List<SupervisedTeam> teamViews = rows.values().stream()
                .map(t -> new SupervisedTeam(t.name(), t.displayName(), t.parent(), !teams.closed(t.name(), now), t.firstResponseTargetS()))
                .toList();
        Set<String> filter = shown;
        List<WaitingView> waiting = cases.findByStateOrderByRequestedAt(CaseRow.WAITING).stream()
                .filter(c -> filter.contains(c.team()))
                .map(c -> waiting(c, rows.get(c.team()), now)).toList();
        Map<String, AgentRow> byId = new LinkedHashMap<>();
        agents.findAll().forEach(a -> byId.put(a.id(), a));
        List<LiveView> live = cases.findByStateOrderByRequestedAt(CaseRow.ACTIVE).stream()
                .filter(c -> filter.contains(c.team()))
                .map(c -> new LiveView(c.conversationId(), c.team(), c.touchpoint(), c.agentId(),
                        Optional.ofNullable(byId.get(c.agentId())).map(AgentRow::displayName).orElse(c.agentId()), c.assignedAt()))
                .toList();
        Map<String, Set<String>> teamsByAgent = new LinkedHashMap<>();
        for (String t : filter) {
            memberships.findByTeam(t).forEach(m -> teamsByAgent.computeIfAbsent(m.agentId(), k -> new TreeSet<>()).add(t));
        }
        List<AgentLoad> load = teamsByAgent.entrySet().stream()
                .map(e -> byId.get(e.getKey())).filter(a -> a != null && !a.disabled())
                .sorted(Comparator.comparing(AgentRow::displayName))
                .map(a -> new AgentLoad(a.id(), a.displayName(), List.copyOf(teamsByAgent.get(a.id())),
                        presence.of(a.id()).name().toLowerCase(Locale.ROOT), cases.countByAgentIdAndState(a.id(), CaseRow.ACTIVE),
                        a.capacityOr(config.maxConversationsPerAgent())))
                .toList();
        return new Overview(teamViews, waiting, live, load, waiting.stream().filter(WaitingView::breached).count());
    }

    void reassign(Actor actor, String conversationId, String team, String agentId) {
        Set<String> mine = scope.teamsOf(actor.agentId());
        cases.findById(conversationId)
                .filter(c -> CaseRow.WAITING.equals(c.state()) || CaseRow.ACTIVE.equals(c.state()))
                .filter(c -> mine.contains(c.team()))
                .orElseThrow(() -> new NotFound("No waiting or live conversation of your teams with that id"));
        actions.reassign(conversationId, actor, team, agentId);
    }

    private WaitingView waiting(CaseRow c, TeamRow team, Instant now) {
        long waited = Duration.between(c.requestedAt(), now).toSeconds();
        Integer target = team == null ? null : team.firstResponseTargetS();
        return new WaitingView(c.conversationId(), c.team(), c.touchpoint(), c.reason(), c.requestedAt(), waited, target,
                target != null && waited > target, queue.position(c), c.offlineEmail() != null);
    }
}
