package touchpoint.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import touchpoint.infra.JsonRequests;
import touchpoint.infra.Roles;

/** Questions the knowledge base does not answer: the fallback learns from them on every instance. */
@Controller("/api/admin/knowledge/not-ours")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Admin: knowledge")
class NotOursController {

    private final NotOursExamples examples;
    private final JsonRequests requests;

    NotOursController(NotOursExamples examples, JsonRequests requests) {
        this.examples = examples;
        this.requests = requests;
    }

    /** {@code source}: manual (default) or gap. */
    @Serdeable
    record AddRequest(@Nullable List<String> texts, @Nullable String source) {
    }

    @Get
    @Operation(summary = "The \"not ours\" examples, oldest first")
    List<NotOursExamples.NotOursExample> list() {
        return examples.list();
    }

    @Post
    @Operation(summary = "Add questions the knowledge base does not answer: {texts, source?}; repeats are skipped")
    HttpResponse<NotOursExamples.Added> add(@Body @Nullable JsonNode body, Authentication admin) {
        AddRequest r = requests.read(body, AddRequest.class);
        return HttpResponse.created(examples.add(r.texts(), r.source(), admin.getName()));
    }

    @Delete("/{id}")
    @Operation(summary = "Remove a \"not ours\" example")
    HttpResponse<Void> remove(long id, Authentication admin) {
        examples.remove(id, admin.getName());
        return HttpResponse.noContent();
    }
}
