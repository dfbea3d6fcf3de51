package touchpoint.handoff;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What other features may ask of the teams (analytics filters the dashboard to a supervisor's teams and counts
 * first-response breaches): read from the shared tables on every call, so it is never stale on any instance.
 */
@Singleton
public class Organisation {

    private final SupervisorScope scope;
    private final TeamDirectory teams;

    Organisation(SupervisorScope scope, TeamDirectory teams) {
        this.scope = scope;
        this.teams = teams;
    }

    /** The teams this user supervises with their sub-teams: every team for an admin, none for an agent. */
    public Set<String> teamsSupervisedBy(String username) {
        return scope.teamsOfUsername(username);
    }

    /** These teams and every team below them. */
    public Set<String> withSubTeams(Collection<String> roots) {
        return teams.withDescendants(roots);
    }

    /** Each team's first-response target in seconds, for the teams that have one. */
    public Map<String, Integer> firstResponseTargetSeconds() {
        return teams.targetSeconds();
    }
}
