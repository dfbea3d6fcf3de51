package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import touchpoint.handoff.HandoffApi.CreateUserRequest;
import touchpoint.infra.JsonRequests;

/** User management for administrators. Users are agents and admins; they live here because routing owns them. */
@Controller("/api/admin/users")
@Secured(AgentDirectory.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Admin")
class AdminUserController {

    private final AgentDirectory directory;
    private final JsonRequests requests;

    AdminUserController(AgentDirectory directory, JsonRequests requests) {
        this.directory = directory;
        this.requests = requests;
    }

    @Post
    @Operation(summary = "Create a user with roles (AGENT, ADMIN) and teams")
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
        return directory.disable(id).orElseThrow(() -> new touchpoint.infra.NotFound("No user with that id"));
    }
}
