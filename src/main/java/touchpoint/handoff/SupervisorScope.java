package touchpoint.handoff;

import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import touchpoint.infra.Roles;

/**
 * Which teams a user supervises: an admin every team; a supervisor the teams they belong to and every team below
 * them, at any depth; anyone else none. Read from the shared tables on every request, so a move between teams
 * changes what a supervisor sees at once, on every instance.
 */
@Singleton
class SupervisorScope {

    private final AgentDirectory agents;
    private final TeamDirectory teams;

    SupervisorScope(AgentDirectory agents, TeamDirectory teams) {
        this.agents = agents;
        this.teams = teams;
    }

    Set<String> teamsOf(String agentId) {
        AgentRow agent = agents.active(agentId).orElseThrow(() -> new AgentDisabled("This user is disabled or unknown"));
        Set<String> roles = agent.roleSet();
        if (roles.contains(Roles.ADMIN)) {
            return teams.all().stream().map(TeamRow::name).collect(Collectors.toCollection(LinkedHashSet::new));
        }
        if (roles.contains(Roles.SUPERVISOR)) {
            return teams.withDescendants(agents.teamsOf(agentId));
        }
        return Set.of();
    }

    Set<String> teamsOfUsername(String username) {
        return agents.byUsername(username).map(a -> teamsOf(a.id())).orElse(Set.of());
    }
}
