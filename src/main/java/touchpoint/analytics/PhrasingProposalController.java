package touchpoint.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import touchpoint.infra.Roles;

/** Admins review phrasings learned from agents and knowledge gaps. */
@Controller("/api/admin/phrasing-proposals")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Analytics")
class PhrasingProposalController {

    private final PhrasingProposals proposals;

    PhrasingProposalController(PhrasingProposals proposals) {
        this.proposals = proposals;
    }

    @Get("{?status}")
    @Operation(summary = "Phrasing proposals, oldest first; optionally one status (proposed, approved, rejected)")
    List<PhrasingProposal> list(@Nullable @QueryValue String status) {
        return proposals.list(status);
    }

    @Post("/{id}/approve")
    @Operation(summary = "Approve: the knowledge engine includes the phrasing on its next reindex")
    PhrasingProposal approve(long id, Authentication admin) {
        return proposals.approve(id, admin.getName());
    }

    @Post("/{id}/reject")
    @Operation(summary = "Reject a proposed phrasing")
    PhrasingProposal reject(long id, Authentication admin) {
        return proposals.reject(id, admin.getName());
    }
}
