package touchpoint.contact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import touchpoint.infra.JsonRequests;
import touchpoint.infra.Roles;

/** The rules that serve customers by their contact attributes; a change applies to the next routing decision. */
@Controller("/api/admin/contact-priority")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Contacts")
class PriorityRuleController {

    private final ContactPriority priority;
    private final JsonRequests requests;

    PriorityRuleController(ContactPriority priority, JsonRequests requests) {
        this.priority = priority;
        this.requests = requests;
    }

    @Serdeable
    record Rules(@NotNull @Size(max = 100) List<ContactPriority.@Valid Rule> rules) {
    }

    @Get
    @Operation(summary = "The priority rules in order: {rules: [{attribute, value, servedFirst, team}]}")
    Rules list() {
        return new Rules(priority.rules());
    }

    @Put
    @Operation(summary = "Replace the priority rules; the first matching rule with a team routes, any matching servedFirst rule goes ahead")
    Rules replace(@Body @Nullable JsonNode body, Authentication user) {
        Rules r = requests.read(body, Rules.class);
        return new Rules(priority.replace(r.rules(), user.getName()));
    }
}
