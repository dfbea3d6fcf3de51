package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import touchpoint.handoff.HandoffApi.CreateUserRequest;
import touchpoint.infra.JsonRequests;
import touchpoint.infra.Roles;

/** User management for administrators. Users are agents and admins; they live here because routing owns them. */
@Controller("/api/admin/users")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Admin")
class AdminUserController {

    private final AgentDirectory directory;
    private final UserAdmin users;
    private final JsonRequests requests;

    AdminUserController(AgentDirectory directory, UserAdmin users, JsonRequests requests) {
        this.directory = directory;
        this.users = users;
        this.requests = requests;
    }

    @Post
    @Operation(summary = "Create a user with roles (AGENT, SUPERVISOR, ADMIN) and teams")
    HttpResponse<AgentView> create(@Body @Nullable JsonNode body) {
        CreateUserRequest r = requests.read(body, CreateUserRequest.class);
        return HttpResponse.created(directory.create(r.username(), r.password(), r.displayName().strip(), r.roles(),
                r.teams() == null ? List.of() : r.teams()));
    }

    @Get
    @Operation(summary = "All users")
    List<AgentView> list() {
        return directory.list();
    }

    @Post("/{id}/disable")
    @Operation(summary = "Disable a user: no more logins, and existing tokens stop working; not your own account")
    AgentView disable(String id, io.micronaut.security.authentication.Authentication admin) {
        if (directory.find(id).filter(row -> row.username().equals(admin.getName())).isPresent()) {
            throw new touchpoint.infra.InvalidRequest("id", "you cannot disable your own account");
        }
        return users.update(admin.getName(), id, new TeamApi.UpdateUserRequest(null, null, null, true, null), Set.of("disabled"));
    }

    @Put("/{id}")
    @Operation(summary = "Change a user's roles (AGENT, SUPERVISOR, ADMIN), teams, capacity (null: the global one), displayName, "
            + "or disabled (false enables again); absent fields stay. Their conversations in teams they leave go back to the queue")
    AgentView update(String id, @Body @Nullable JsonNode body, io.micronaut.security.authentication.Authentication admin) {
        TeamApi.UpdateUserRequest r = requests.read(body, TeamApi.UpdateUserRequest.class);
        return users.update(admin.getName(), id, r, JsonFields.present(body));
    }
}
