package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import touchpoint.handoff.TeamApi.Overview;
import touchpoint.handoff.TeamApi.ReassignRequest;
import touchpoint.infra.JsonRequests;
import touchpoint.infra.Roles;

/** The supervisor's view of their teams and sub-teams (admins see every team). */
@Controller("/api/supervisor")
@Secured({Roles.SUPERVISOR, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Supervisor")
class SupervisorController {

    private final Supervision supervision;
    private final CurrentAgent current;
    private final JsonRequests requests;

    SupervisorController(Supervision supervision, CurrentAgent current, JsonRequests requests) {
        this.supervision = supervision;
        this.current = current;
        this.requests = requests;
    }

    @Get("/overview{?team}")
    @Operation(summary = "Queues with waiting time against each team's first-response target, live conversations and agents' "
            + "load of the caller's teams and sub-teams; team narrows to one of them (404 outside them)")
    Overview overview(Authentication auth, @Nullable @QueryValue String team) {
        return supervision.overview(current.of(auth), team);
    }

    @Post("/conversations/{id}/reassign")
    @Operation(summary = "Move a waiting or live conversation of the caller's teams to another team {team}, or straight to "
            + "an enabled agent of it {team, agentId}")
    HttpResponse<?> reassign(Authentication auth, String id, @Body @Nullable JsonNode body) {
        ReassignRequest r = requests.read(body, ReassignRequest.class);
        supervision.reassign(current.of(auth), id, r.team(), r.agentId());
        return HttpResponse.ok(Map.of("team", r.team()));
    }
}
