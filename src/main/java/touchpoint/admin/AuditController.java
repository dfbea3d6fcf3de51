package touchpoint.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import touchpoint.admin.AdminApi.AuditEntry;
import touchpoint.admin.AdminApi.AuditPage;
import touchpoint.infra.Roles;

@Controller("/api/admin/audit")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Admin: audit")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Get("{?target,before,limit}")
    @Operation(summary = "Who changed what and when, newest first; page back with before=<id of the last entry>")
    AuditPage list(@Nullable @QueryValue String target, @Nullable @QueryValue Long before,
                   @Nullable @QueryValue @Min(1) @Max(500) Integer limit) {
        return new AuditPage(audit.recent(target, before, limit == null ? 100 : limit).stream().map(AuditEntry::of).toList());
    }
}
