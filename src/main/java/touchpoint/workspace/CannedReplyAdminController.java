package touchpoint.workspace;

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
import touchpoint.infra.JsonRequests;
import touchpoint.infra.Roles;
import touchpoint.workspace.WorkspaceApi.CannedReplyRequest;

/** Admins keep the canned replies; every change is audited. */
@Controller("/api/admin/canned-replies")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Admin")
class CannedReplyAdminController {

    private final CannedReplies canned;
    private final JsonRequests requests;

    CannedReplyAdminController(CannedReplies canned, JsonRequests requests) {
        this.canned = canned;
        this.requests = requests;
    }

    @Get
    @Operation(summary = "Every canned reply, by shortcut")
    List<CannedReplies.CannedReply> all() {
        return canned.all();
    }

    @Post
    @Operation(summary = "Add a canned reply: shortcut (typed after /), title, body with {{customer.name | fallback}}, {{agent.name}}, {{faq:<id>}}")
    HttpResponse<CannedReplies.CannedReply> create(Authentication auth, @Body @Nullable JsonNode body) {
        CannedReplyRequest r = requests.read(body, CannedReplyRequest.class);
        return HttpResponse.created(canned.create(auth.getName(), r.shortcut(), r.title(), r.body()));
    }

    @Put("/{id}")
    @Operation(summary = "Change a canned reply")
    CannedReplies.CannedReply update(Authentication auth, String id, @Body @Nullable JsonNode body) {
        CannedReplyRequest r = requests.read(body, CannedReplyRequest.class);
        return canned.update(auth.getName(), id, r.shortcut(), r.title(), r.body());
    }

    @Delete("/{id}")
    @Operation(summary = "Remove a canned reply")
    HttpResponse<?> delete(Authentication auth, String id) {
        canned.delete(auth.getName(), id);
        return HttpResponse.noContent();
    }
}
