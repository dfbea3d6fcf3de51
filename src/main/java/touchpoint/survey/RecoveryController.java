package touchpoint.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import touchpoint.handoff.CurrentAgent;
import touchpoint.infra.JsonRequests;
import touchpoint.infra.Roles;

/** The service-recovery queue for agents and admins. */
@Controller("/api/recovery/tasks")
@Secured({Roles.AGENT, Roles.ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Recovery")
class RecoveryController {

    private final RecoveryQueue queue;
    private final RecoveryFollowUps followUps;
    private final CurrentAgent agents;
    private final JsonRequests requests;

    RecoveryController(RecoveryQueue queue, RecoveryFollowUps followUps, CurrentAgent agents, JsonRequests requests) {
        this.queue = queue;
        this.followUps = followUps;
        this.agents = agents;
        this.requests = requests;
    }

    @Serdeable
    record FollowUpRequest(@Nullable String text) {
    }

    @Serdeable
    record UpdateRequest(@NotBlank String status, @Nullable @Size(max = 100) String assignee) {
    }

    @Get("{?status}")
    @Operation(summary = "Recovery tasks, oldest first; optionally only one status (open, in_progress, done)")
    List<RecoveryTask> list(@Nullable @QueryValue String status) {
        return queue.list(status);
    }

    @Put("/{id}")
    @Operation(summary = "Set a task's status and assignee: {status, assignee}")
    RecoveryTask update(long id, @Body @Nullable JsonNode body) {
        UpdateRequest r = requests.read(body, UpdateRequest.class);
        return queue.update(id, r.status(), r.assignee());
    }

    @Get("/{id}/follow-up")
    @Operation(summary = "A follow-up to start from: the customer's name if known and the low score, signed by the caller; "
            + "with the channel it will leave through")
    RecoveryFollowUps.Draft draft(long id, Authentication auth) {
        return followUps.draft(id, agents.of(auth));
    }

    @Post("/{id}/follow-up")
    @Operation(summary = "Send the customer a follow-up {text} through the conversation's channel; it is added to the "
            + "transcript and recorded on the task (followUps, followedUpAt)")
    HttpResponse<RecoveryTask> followUp(long id, @Body @Nullable JsonNode body, Authentication auth) {
        FollowUpRequest r = requests.read(body, FollowUpRequest.class);
        return HttpResponse.created(followUps.send(id, agents.of(auth), r.text()));
    }
}
