package touchpoint.handoff;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import touchpoint.infra.Conflict;
import touchpoint.infra.Ids;
import touchpoint.infra.InvalidRequest;

/** Agents and admins: who they are, which teams they work for, and whether they may log in. */
@Singleton
class AgentDirectory {

    private final AgentRepository agents;
    private final AgentTeamRepository agentTeams;
    private final TeamRepository teams;
    private final Passwords passwords;
    private final Ids ids;
    private final Clock clock;

    AgentDirectory(AgentRepository agents, AgentTeamRepository agentTeams, TeamRepository teams, Passwords passwords,
                   Ids ids, Clock clock) {
        this.agents = agents;
        this.agentTeams = agentTeams;
        this.teams = teams;
        this.passwords = passwords;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    AgentView create(String username, String password, String displayName, List<String> roles, List<String> teamNames) {
        Set<String> roleSet = UserAdmin.roles(roles);
        Set<String> teamSet = new LinkedHashSet<>(teamNames);
        for (String team : teamSet) {
            if (!teams.findById(team).filter(t -> !t.archived()).isPresent()) {
                throw new InvalidRequest("teams", "has no team called " + team.replaceAll("[^A-Za-z0-9_-]", "?"));
            }
        }
        if (agents.findByUsername(username).isPresent()) {
            throw new Conflict("A user with that username already exists");
        }
        AgentRow row = agents.save(new AgentRow(ids.newId(), username, displayName, passwords.hash(password),
                String.join(",", roleSet), false, clock.instant(), null));
        teamSet.forEach(team -> agentTeams.save(new AgentTeamRow(null, row.id(), team)));
        return view(row);
    }

    List<AgentView> list() {
        return agents.listOrderByUsername().stream().map(this::view).toList();
    }

    /** The enabled user with these credentials. */
    Optional<AgentRow> authenticate(String username, String password) {
        Optional<AgentRow> row = username == null ? Optional.empty() : agents.findByUsername(username);
        if (row.isEmpty()) {
            passwords.burnTime(password);
            return Optional.empty();
        }
        return row.filter(r -> passwords.matches(password, r.passwordHash())).filter(r -> !r.disabled());
    }

    Optional<AgentRow> active(String id) {
        return id == null ? Optional.empty() : agents.findById(id).filter(r -> !r.disabled());
    }

    Optional<AgentRow> byUsername(String username) {
        return username == null ? Optional.empty() : agents.findByUsername(username);
    }

    Optional<AgentRow> find(String id) {
        return agents.findById(id);
    }

    boolean exists(String username) {
        return agents.findByUsername(username).isPresent();
    }

    List<String> teamsOf(String agentId) {
        return agentTeams.findByAgentId(agentId).stream().map(AgentTeamRow::team).sorted().toList();
    }

    boolean teamExists(String team) {
        return team != null && teams.findById(team).filter(t -> !t.archived()).isPresent();
    }

    /** The teams conversations can go to: archived ones are left out. */
    List<String> allTeams() {
        return teams.listOrderByName().stream().filter(t -> !t.archived()).map(TeamRow::name).toList();
    }

    AgentView view(AgentRow row) {
        return new AgentView(row.id(), row.username(), row.displayName(),
                row.roleSet().stream().sorted(Comparator.naturalOrder()).toList(), teamsOf(row.id()), row.disabled(), row.createdAt(),
                row.capacity());
    }
}
