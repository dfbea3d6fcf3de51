package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import touchpoint.handoff.TeamApi.ChangeTeamRequest;
import touchpoint.handoff.TeamApi.CreateTeamRequest;
import touchpoint.handoff.TeamApi.HoursRequest;
import touchpoint.handoff.TeamApi.MemberRequest;
import touchpoint.handoff.TeamApi.RouteRequest;
import touchpoint.handoff.TeamApi.RouteView;
import touchpoint.handoff.TeamApi.TeamView;
import touchpoint.infra.JsonRequests;
import touchpoint.infra.NotFound;
import touchpoint.infra.Roles;

/** Teams for administrators: the hierarchy, routes, members, opening hours and response targets. */
@Controller("/api/admin/teams")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Admin")
class TeamAdminController {

    private final TeamAdmin teams;
    private final UserAdmin users;
    private final AgentDirectory directory;
    private final JsonRequests requests;

    TeamAdminController(TeamAdmin teams, UserAdmin users, AgentDirectory directory, JsonRequests requests) {
        this.teams = teams;
        this.users = users;
        this.directory = directory;
        this.requests = requests;
    }

    @Get
    @Operation(summary = "Every team, archived ones included, with its routes, members, hours and target")
    List<TeamView> list() {
        return teams.list();
    }

    @Post
    @Operation(summary = "Create a team {name, parentId?}; its id is made from the name and never changes")
    HttpResponse<TeamView> create(@Body @Nullable JsonNode body, Authentication admin) {
        CreateTeamRequest r = requests.read(body, CreateTeamRequest.class);
        return HttpResponse.created(teams.create(admin.getName(), r.name(), r.parentId()));
    }

    @Get("/{id}")
    @Operation(summary = "One team")
    TeamView get(String id) {
        return teams.get(id);
    }

    @Put("/{id}")
    @Operation(summary = "Rename {name}, move {parentId} (null: top level), archive or restore {archived}, "
            + "set {firstResponseTargetSeconds} (null: none); absent fields stay. Archiving routes its conversations again")
    TeamView change(String id, @Body @Nullable JsonNode body, Authentication admin) {
        ChangeTeamRequest r = requests.read(body, ChangeTeamRequest.class);
        return teams.change(admin.getName(), id, r, JsonFields.present(body));
    }

    @Put("/{id}/hours")
    @Operation(summary = "Opening hours {timeZone, weekly: [{day, opens, closes}], holidays: [YYYY-MM-DD]}")
    TeamView hours(String id, @Body @Nullable JsonNode body, Authentication admin) {
        HoursRequest r = requests.read(body, HoursRequest.class);
        return teams.setHours(admin.getName(), id, r);
    }

    @Delete("/{id}/hours")
    @Operation(summary = "Remove the opening hours: the team is always open")
    TeamView alwaysOpen(String id, Authentication admin) {
        return teams.setHours(admin.getName(), id, null);
    }

    @Post("/{id}/routes")
    @Operation(summary = "Route conversations to the team by {kind: faq|tag|channel|touchpoint, key}")
    HttpResponse<RouteView> addRoute(String id, @Body @Nullable JsonNode body, Authentication admin) {
        RouteRequest r = requests.read(body, RouteRequest.class);
        return HttpResponse.created(teams.addRoute(admin.getName(), id, r.kind(), r.key()));
    }

    @Delete("/{id}/routes/{routeId}")
    @Operation(summary = "Remove a route")
    HttpResponse<?> removeRoute(String id, String routeId, Authentication admin) {
        long route;
        try {
            route = Long.parseLong(routeId);
        } catch (NumberFormatException e) {
            throw new NotFound("No such route of this team");
        }
        teams.removeRoute(admin.getName(), id, route);
        return HttpResponse.noContent();
    }

    @Post("/{id}/members")
    @Operation(summary = "Add a user {agentId} to the team")
    TeamView addMember(String id, @Body @Nullable JsonNode body, Authentication admin) {
        MemberRequest r = requests.read(body, MemberRequest.class);
        List<String> now = new java.util.ArrayList<>(memberTeams(r.agentId()));
        teams.get(id);
        if (!now.contains(id)) {
            now.add(id);
            users.update(admin.getName(), r.agentId(), new TeamApi.UpdateUserRequest(null, now, null, null, null), Set.of("teams"));
        }
        return teams.get(id);
    }

    @Delete("/{id}/members/{agentId}")
    @Operation(summary = "Take a user off the team; their conversations of the team go back to its queue")
    TeamView removeMember(String id, String agentId, Authentication admin) {
        List<String> now = memberTeams(agentId);
        teams.get(id);
        if (now.contains(id)) {
            users.update(admin.getName(), agentId, new TeamApi.UpdateUserRequest(null,
                    now.stream().filter(t -> !t.equals(id)).toList(), null, null, null), Set.of("teams"));
        }
        return teams.get(id);
    }

    private List<String> memberTeams(String agentId) {
        directory.find(agentId).orElseThrow(() -> new NotFound("No user with that id"));
        return directory.teamsOf(agentId);
    }
}
