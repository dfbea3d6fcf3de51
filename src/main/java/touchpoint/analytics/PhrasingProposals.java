package touchpoint.analytics;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.NotFound;
import touchpoint.knowledge.LearnedPhrasings;

/**
 * Proposed FAQ phrasings learned from agents and knowledge gaps, and the admins' decisions on them.
 * {@link #approvedPhrasings()} is what the knowledge engine includes when it reindexes.
 */
@Singleton
public class PhrasingProposals {

    private static final Logger LOG = LoggerFactory.getLogger(PhrasingProposals.class);

    private final Repositories.Proposals proposals;
    private final Clock clock;
    private final ApplicationEventPublisher<PhrasingsDecided> decided;

    PhrasingProposals(Repositories.Proposals proposals, Clock clock, ApplicationEventPublisher<PhrasingsDecided> decided) {
        this.proposals = proposals;
        this.clock = clock;
        this.decided = decided;
    }

    /** An admin approved or rejected phrasings of this FAQ: what it is served with has changed. */
    public record PhrasingsDecided(String faqId) {
    }

    /** Every approved phrasing, oldest first. */
    public List<Phrasing> approvedPhrasings() {
        return proposals.findByStatusOrderByCreatedAt(PhrasingProposal.APPROVED).stream()
                .map(r -> new Phrasing(r.faqId(), r.text())).toList();
    }

    public List<PhrasingProposal> list(String status) {
        if (status == null || status.isBlank()) {
            return proposals.findAllOrderByCreatedAt().stream().map(PhrasingProposal::of).toList();
        }
        if (!List.of(PhrasingProposal.PROPOSED, PhrasingProposal.APPROVED, PhrasingProposal.REJECTED).contains(status)) {
            throw new InvalidRequest("status", "must be proposed, approved or rejected");
        }
        return proposals.findByStatusOrderByCreatedAt(status).stream().map(PhrasingProposal::of).toList();
    }

    /**
     * Records a proposal unless the same phrasing (ignoring case and spacing) was already proposed for this FAQ.
     * Customer text is PII-masked first: a phrasing becomes shared FAQ content.
     */
    Optional<PhrasingProposal> propose(String faqId, String text, String source, String conversationId) {
        Optional<String> admitted = LearnedPhrasings.admit(text);
        if (faqId == null || faqId.isBlank() || admitted.isEmpty()) {
            return Optional.empty();
        }
        String masked = admitted.get();
        String normalized = normalize(masked);
        if (proposals.existsByFaqIdAndNormalizedText(faqId, normalized)) {
            return Optional.empty();
        }
        PhrasingProposalRow saved = proposals.save(new PhrasingProposalRow(null, faqId, masked, normalized, source, conversationId,
                PhrasingProposal.PROPOSED, null, clock.instant(), null));
        LOG.info("phrasing proposed id={} faq={} source={} conversation={}", saved.id(), faqId, source, conversationId);
        return Optional.of(PhrasingProposal.of(saved));
    }

    public PhrasingProposal approve(long id, String admin) {
        return decide(id, PhrasingProposal.APPROVED, admin);
    }

    public PhrasingProposal reject(long id, String admin) {
        return decide(id, PhrasingProposal.REJECTED, admin);
    }

    /** An admin may change their mind; the latest decision counts and is what the next reindex sees. */
    private PhrasingProposal decide(long id, String status, String admin) {
        PhrasingProposalRow r = proposals.findById(id)
                .orElseThrow(() -> new NotFound("No phrasing proposal " + id));
        PhrasingProposalRow updated = proposals.update(new PhrasingProposalRow(r.id(), r.faqId(), r.text(), r.normalizedText(), r.source(),
                r.conversationId(), status, admin, r.createdAt(), clock.instant()));
        LOG.info("phrasing {} id={} faq={} by={}", status, id, r.faqId(), admin);
        decided.publishEvent(new PhrasingsDecided(r.faqId()));
        return PhrasingProposal.of(updated);
    }

    static String normalize(String text) {
        return LearnedPhrasings.normalize(text);
    }
}
