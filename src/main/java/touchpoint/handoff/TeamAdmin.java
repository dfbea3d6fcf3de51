package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import touchpoint.admin.AuditLog;
import touchpoint.handoff.TeamApi.ChangeTeamRequest;
import touchpoint.handoff.TeamApi.HoursRequest;
import touchpoint.handoff.TeamApi.HoursView;
import touchpoint.handoff.TeamApi.MemberView;
import touchpoint.handoff.TeamApi.RouteView;
import touchpoint.handoff.TeamApi.TeamView;
import touchpoint.infra.Conflict;
import touchpoint.infra.Ids;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.NotFound;

/**
 * An admin edits the teams: create, rename, move in the hierarchy, archive and restore, opening hours, the
 * first-response target, routes and members. Each change is one transaction with its audit entry; afterwards the
 * consoles are told and, when a team was archived, its conversations go back to routing.
 */
@Singleton
class TeamAdmin {

    private final TeamRepository teams;
    private final TeamRouteRepository routes;
    private final AgentRepository agents;
    private final AgentTeamRepository members;
    private final TeamDirectory directory;
    private final Rerouting rerouting;
    private final AutoAssign assignment;
    private final OrganisationFanOut fanOut;
    private final AuditLog audit;
    private final HandoffConfig config;
    private final TransactionOperations<Connection> tx;
    private final Ids ids;
    private final Clock clock;

    TeamAdmin(TeamRepository teams, TeamRouteRepository routes, AgentRepository agents, AgentTeamRepository members,
              TeamDirectory directory, Rerouting rerouting, AutoAssign assignment, OrganisationFanOut fanOut, AuditLog audit,
              HandoffConfig config, TransactionOperations<Connection> tx, Ids ids, Clock clock) {
        this.teams = teams;
        this.routes = routes;
        this.agents = agents;
        this.members = members;
        this.directory = directory;
        this.rerouting = rerouting;
        this.assignment = assignment;
        this.fanOut = fanOut;
        this.audit = audit;
        this.config = config;
        this.tx = tx;
        this.ids = ids;
        this.clock = clock;
    }

    List<TeamView> list() {
        return tx.executeRead(status -> {
            Instant now = clock.instant();
            return teams.listOrderByName().stream().map(t -> view(t, now)).toList();
        });
    }

    TeamView get(String id) {
        return tx.executeRead(status -> view(team(id), clock.instant()));
    }

    TeamView create(String actor, String name, @Nullable String parentId) {
        TeamView created = tx.executeWrite(status -> {
            String displayName = name.strip();
            if (parentId != null && !parentId.isBlank()) {
                TeamRow parent = team(parentId, "parentId");
                if (parent.archived()) {
                    throw new InvalidRequest("parentId", "is archived");
                }
            }
            String id = freeId(displayName);
            TeamRow row = teams.save(new TeamRow(id, displayName, blankToNull(parentId), false, null, null, null, null));
            audit.record(actor, "team.created", target(id), displayName + (row.parent() == null ? "" : " under " + row.parent()));
            return view(row, clock.instant());
        });
        fanOut.changed();
        return created;
    }

    /** Applies the fields of {@code change} named in {@code present}. */
    TeamView change(String actor, String id, ChangeTeamRequest change, Set<String> present) {
        boolean[] archivedNow = {false};
        TeamView changed = tx.executeWrite(status -> {
            TeamRow row = team(id);
            StringBuilder detail = new StringBuilder();
            if (present.contains("name") && change.name() != null && !change.name().strip().equals(row.displayName())) {
                detail.append("renamed from ").append(row.displayName()).append(" to ").append(change.name().strip()).append("; ");
                row = row.renamed(change.name().strip());
            }
            if (present.contains("parentId")) {
                String parent = blankToNull(change.parentId());
                checkParent(row.name(), parent);
                if (!java.util.Objects.equals(parent, row.parent())) {
                    detail.append("parent ").append(row.parent() == null ? "none" : row.parent()).append(" -> ")
                            .append(parent == null ? "none" : parent).append("; ");
                    row = row.withParent(parent);
                }
            }
            if (present.contains("firstResponseTargetSeconds")) {
                row = row.withTarget(change.firstResponseTargetSeconds());
                detail.append("first-response target ").append(change.firstResponseTargetSeconds() == null ? "none"
                        : change.firstResponseTargetSeconds() + " s").append("; ");
            }
            if (present.contains("archived") && change.archived() != null && change.archived() != row.archived()) {
                if (change.archived()) {
                    checkArchivable(row);
                    archivedNow[0] = true;
                } else if (row.parent() != null && team(row.parent()).archived()) {
                    throw new InvalidRequest("archived", "restore the parent team " + row.parent() + " first");
                }
                detail.append(change.archived() ? "archived" : "restored").append("; ");
                row = row.withArchived(change.archived());
            }
            TeamRow saved = teams.update(row);
            audit.record(actor, "team.changed", target(id), detail.isEmpty() ? "no change" : detail.substring(0, detail.length() - 2));
            return view(saved, clock.instant());
        });
        fanOut.changed();
        if (archivedNow[0]) {
            rerouting.archivedTeams();
        } else {
            assignment.freedTeams(List.of(id));
        }
        return changed;
    }

    TeamView setHours(String actor, String id, @Nullable HoursRequest request) {
        TeamView changed = tx.executeWrite(status -> {
            TeamRow row = team(id);
            BusinessHours hours = request == null ? null : BusinessHours.of(request.timeZone(),
                    request.weekly().stream().map(o -> new BusinessHours.Opening(o.day(), o.opens(), o.closes())).toList(),
                    request.holidays() == null ? List.of() : request.holidays());
            TeamRow saved = teams.update(row.withHours(hours));
            audit.record(actor, "team.hours", target(id), hours == null ? "always open"
                    : hours.zone() + " " + hours.weeklyText() + (hours.holidays().isEmpty() ? "" : "; holidays " + hours.holidaysText()));
            return view(saved, clock.instant());
        });
        fanOut.changed();
        // A team that just opened may have customers waiting for a free agent.
        assignment.freedTeams(List.of(id));
        return changed;
    }

    RouteView addRoute(String actor, String id, String kind, String key) {
        String k = kind.strip().toLowerCase(Locale.ROOT);
        if (!TeamRouteRow.KINDS.contains(k)) {
            throw new InvalidRequest("kind", "must be one of " + String.join(", ", TeamRouteRow.KINDS));
        }
        RouteView added = tx.executeWrite(status -> {
            TeamRow row = team(id);
            if (row.archived()) {
                throw new InvalidRequest("id", "the team is archived");
            }
            String routeKey = key.strip();
            routes.findByKindAndRouteKey(k, routeKey).ifPresent(existing -> {
                throw new Conflict(k + " " + routeKey + " already routes to team " + existing.team() + ": remove that route first");
            });
            TeamRouteRow saved = routes.save(new TeamRouteRow(null, k, routeKey, id));
            audit.record(actor, "team.route.added", target(id), k + " " + routeKey);
            return new RouteView(saved.id(), saved.kind(), saved.routeKey());
        });
        fanOut.changed();
        return added;
    }

    void removeRoute(String actor, String id, long routeId) {
        tx.executeWrite(status -> {
            TeamRouteRow route = routes.findById(routeId).filter(r -> r.team().equals(id))
                    .orElseThrow(() -> new NotFound("No such route of this team"));
            routes.delete(route);
            audit.record(actor, "team.route.removed", target(id), route.kind() + " " + route.routeKey());
            return null;
        });
        fanOut.changed();
    }

    private void checkParent(String id, @Nullable String parent) {
        if (parent == null) {
            return;
        }
        TeamRow p = team(parent, "parentId");
        if (p.archived()) {
            throw new InvalidRequest("parentId", "is archived");
        }
        if (directory.withDescendants(List.of(id)).contains(parent)) {
            throw new InvalidRequest("parentId", "would make the team its own ancestor");
        }
    }

    private void checkArchivable(TeamRow row) {
        if (row.name().equals(config.defaultTeam())) {
            throw new InvalidRequest("archived", "the default team takes every conversation nothing else routes: it cannot be archived");
        }
        List<String> activeChildren = teams.findByParent(row.name()).stream().filter(t -> !t.archived()).map(TeamRow::name).toList();
        if (!activeChildren.isEmpty()) {
            throw new InvalidRequest("archived", "archive or move its sub-teams first: " + String.join(", ", activeChildren));
        }
    }

    private TeamRow team(String id) {
        return teams.findById(id).orElseThrow(() -> new NotFound("No team with that id"));
    }

    private TeamRow team(String id, String field) {
        return teams.findById(id).orElseThrow(() -> new InvalidRequest(field, "is not a known team"));
    }

    /** A readable key from the name ("Billing EU" → billing-eu), made unique; the key never changes afterwards. */
    private String freeId(String name) {
        String slug = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        if (slug.isEmpty()) {
            slug = "team-" + ids.newId().substring(0, 8);
        }
        String id = slug;
        for (int n = 2; teams.existsById(id); n++) {
            id = slug + "-" + n;
        }
        return id;
    }

    TeamView view(TeamRow t, Instant now) {
        Map<String, AgentRow> byId = agents.findAll().stream().collect(Collectors.toMap(AgentRow::id, a -> a));
        List<MemberView> people = members.findByTeam(t.name()).stream().map(m -> byId.get(m.agentId()))
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(AgentRow::username))
                .map(a -> new MemberView(a.id(), a.username(), a.displayName(), a.roleSet().stream().sorted().toList(), a.disabled()))
                .toList();
        List<RouteView> routed = routes.findByTeamOrderByKindAscAndRouteKeyAsc(t.name()).stream()
                .map(r -> new RouteView(r.id(), r.kind(), r.routeKey())).toList();
        Optional<BusinessHours> hours = t.hours();
        HoursView hv = hours.map(h -> new HoursView(h.zone().getId(),
                h.openings().stream().map(o -> new TeamApi.Opening(o.day(), o.opens(), o.closes())).toList(),
                h.holidays().stream().map(Object::toString).toList())).orElse(null);
        Optional<TeamDirectory.Closed> closed = hours.filter(h -> !h.isOpen(now))
                .map(h -> new TeamDirectory.Closed(h.nextOpening(now).orElse(null)));
        return new TeamView(t.name(), t.displayName(), t.parent(), t.archived(), t.firstResponseTargetS(), hv,
                closed.isEmpty(), closed.map(TeamDirectory.Closed::backAt).map(z -> z.toInstant()).orElse(null), routed, people);
    }

    static String target(String id) {
        return "team:" + id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
