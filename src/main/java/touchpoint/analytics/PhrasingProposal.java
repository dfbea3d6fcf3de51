package touchpoint.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A proposed phrasing of an FAQ, waiting for (or given) an admin's decision.
 *
 * @param source {@code agent} (an agent answered a handed-off question with this FAQ) or {@code gap} (an admin
 *     attached a knowledge-gap topic to this FAQ)
 * @param status proposed, approved or rejected
 */
@Serdeable
public record PhrasingProposal(long id, String faqId, String text, String source, @Nullable String conversationId,
                               String status, @Nullable String decidedBy, Instant createdAt, @Nullable Instant decidedAt) {

    public static final String PROPOSED = "proposed";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    static PhrasingProposal of(PhrasingProposalRow r) {
        return new PhrasingProposal(r.id(), r.faqId(), r.text(), r.source(), r.conversationId(), r.status(), r.decidedBy(),
                r.createdAt(), r.decidedAt());
    }
}
