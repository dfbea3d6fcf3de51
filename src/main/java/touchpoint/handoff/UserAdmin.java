package touchpoint.handoff;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import touchpoint.admin.AuditLog;
import touchpoint.handoff.TeamApi.UpdateUserRequest;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.NotFound;
import touchpoint.infra.Roles;

/**
 * An admin changes a user: roles, teams, capacity, display name, disabled or enabled again. One transaction with
 * its audit entry; afterwards consoles are told, conversations the user can no longer take go back to their
 * team's queue, and teams the user joined are offered their waiting conversations.
 */
@Singleton
class UserAdmin {

    private final AgentRepository agents;
    private final AgentTeamRepository memberships;
    private final AgentDirectory directory;
    private final TeamDirectory teams;
    private final Rerouting rerouting;
    private final AutoAssign assignment;
    private final OrganisationFanOut fanOut;
    private final AuditLog audit;
    private final TransactionOperations<Connection> tx;

    UserAdmin(AgentRepository agents, AgentTeamRepository memberships, AgentDirectory directory, TeamDirectory teams,
              Rerouting rerouting, AutoAssign assignment, OrganisationFanOut fanOut, AuditLog audit,
              TransactionOperations<Connection> tx) {
        this.agents = agents;
        this.memberships = memberships;
        this.directory = directory;
        this.teams = teams;
        this.rerouting = rerouting;
        this.assignment = assignment;
        this.fanOut = fanOut;
        this.audit = audit;
        this.tx = tx;
    }

    private record Outcome(AgentView view, List<String> left, List<String> joined, boolean disabledNow, boolean enabledNow) {
    }

    /** Applies the fields of {@code r} named in {@code present}; {@code actor} is the admin's user name. */
    AgentView update(String actor, String id, UpdateUserRequest r, Set<String> present) {
        Outcome outcome = tx.executeWrite(status -> {
            AgentRow row = agents.findById(id).orElseThrow(() -> new NotFound("No user with that id"));
            boolean self = row.username().equals(actor);
            List<String> detail = new ArrayList<>();
            if (present.contains("displayName") && r.displayName() != null && !r.displayName().isBlank()) {
                row = new AgentRow(row.id(), row.username(), r.displayName().strip(), row.passwordHash(), row.roles(),
                        row.disabled(), row.createdAt(), row.capacity());
                detail.add("display name " + r.displayName().strip());
            }
            if (present.contains("roles") && r.roles() != null) {
                Set<String> roles = roles(r.roles());
                if (self && row.roleSet().contains(Roles.ADMIN) && !roles.contains(Roles.ADMIN)) {
                    throw new InvalidRequest("roles", "you cannot remove your own ADMIN role");
                }
                row = row.withRoles(roles);
                detail.add("roles " + String.join(",", roles));
            }
            if (present.contains("capacity")) {
                row = row.withCapacity(r.capacity());
                detail.add("capacity " + (r.capacity() == null ? "default" : r.capacity()));
            }
            boolean disabledNow = false;
            boolean enabledNow = false;
            if (present.contains("disabled") && r.disabled() != null && r.disabled() != row.disabled()) {
                if (self && r.disabled()) {
                    throw new InvalidRequest("disabled", "you cannot disable your own account");
                }
                disabledNow = r.disabled();
                enabledNow = !r.disabled();
                row = row.withDisabled(r.disabled());
                detail.add(r.disabled() ? "disabled" : "enabled again");
            }
            agents.update(row);
            List<String> left = List.of();
            List<String> joined = List.of();
            if (present.contains("teams") && r.teams() != null) {
                Set<String> wanted = new LinkedHashSet<>();
                List<String> before = directory.teamsOf(id);
                for (String team : r.teams()) {
                    String t = team.strip();
                    // A membership of an archived team may be kept, not made.
                    if (!teams.active(t) && !before.contains(t)) {
                        throw new InvalidRequest("teams", "has no active team called " + t.replaceAll("[^A-Za-z0-9_-]", "?"));
                    }
                    wanted.add(t);
                }
                left = before.stream().filter(t -> !wanted.contains(t)).toList();
                joined = wanted.stream().filter(t -> !before.contains(t)).toList();
                for (AgentTeamRow m : memberships.findByAgentId(id)) {
                    if (left.contains(m.team())) {
                        memberships.delete(m);
                    }
                }
                joined.forEach(t -> memberships.save(new AgentTeamRow(null, id, t)));
                detail.add("teams " + (wanted.isEmpty() ? "none" : String.join(",", wanted)));
            }
            audit.record(actor, "user.changed", "user:" + row.username(), detail.isEmpty() ? "no change" : String.join("; ", detail));
            return new Outcome(directory.view(row), left, joined, disabledNow, enabledNow);
        });
        fanOut.changed();
        if (outcome.disabledNow()) {
            rerouting.agentLeft(id, List.of(), true);
        } else if (!outcome.left().isEmpty()) {
            rerouting.agentLeft(id, outcome.left(), false);
        }
        if (outcome.enabledNow() || !outcome.joined().isEmpty() || present.contains("capacity")) {
            assignment.freedTeams(directory.teamsOf(id));
        }
        return outcome.view();
    }

    static Set<String> roles(List<String> requested) {
        Set<String> roles = new LinkedHashSet<>();
        for (String role : requested) {
            String r = role.strip().toUpperCase(Locale.ROOT);
            if (!Roles.ALL.contains(r)) {
                throw new InvalidRequest("roles", "must contain only AGENT, SUPERVISOR or ADMIN");
            }
            roles.add(r);
        }
        if (roles.isEmpty()) {
            throw new InvalidRequest("roles", "must name at least one role");
        }
        return roles;
    }
}
