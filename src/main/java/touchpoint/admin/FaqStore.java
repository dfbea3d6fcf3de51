package touchpoint.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import touchpoint.infra.Conflict;
import touchpoint.infra.InvalidRequest;

/**
 * The knowledge base's source of truth: FAQs and their append-only revisions, as the editor reads and changes
 * them. Every change writes a new revision and an audit entry in one transaction; when what customers get
 * changes (publish, delete), a {@link FaqChanged} event follows the commit so every instance's engine can catch
 * up. Files come in through {@link FaqImport}.
 */
@Singleton
class FaqStore {

    /** The newest revision of an FAQ with its row (status, live revision, deletion). */
    record FaqState(FaqRow row, FaqDocument head) {
    }

    /** What customers get for these FAQs has changed; published after the commit, one event per request. */
    record FaqChanged(List<String> faqIds) {
    }

    private final FaqRepository faqs;
    private final RevisionRepository revisions;
    private final FaqRevisions writes;
    private final AuditLog audit;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    FaqStore(FaqRepository faqs, RevisionRepository revisions, FaqRevisions writes, AuditLog audit,
             TransactionOperations<Connection> tx, Clock clock) {
        this.faqs = faqs;
        this.revisions = revisions;
        this.writes = writes;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    // ---- reads

    List<FaqState> all() {
        return tx.executeRead(status -> {
            Map<String, FaqDocument> heads = new HashMap<>();
            revisions.findHeads().forEach(r -> heads.put(r.faqId(), document(r)));
            List<FaqState> out = new ArrayList<>();
            for (FaqRow row : faqs.findAllOrderById()) {
                FaqDocument head = heads.get(row.id());
                if (head != null) {
                    out.add(new FaqState(row, head));
                }
            }
            return out;
        });
    }

    Optional<FaqState> find(String id) {
        return tx.executeRead(status -> faqs.findById(id).map(row -> new FaqState(row, writes.head(row))));
    }

    boolean isEmpty() {
        return faqs.count() == 0;
    }

    /** Every revision, newest first; deleted FAQs keep theirs. */
    List<RevisionRow> history(String id) {
        return tx.executeRead(status -> {
            if (faqs.findById(id).isEmpty()) {
                throw notFound(id);
            }
            return revisions.findByFaqIdOrderByRevisionDesc(id);
        });
    }

    /** What customers get: the published revision of every live FAQ. */
    List<FaqDocument> published() {
        return tx.executeRead(status -> revisions.findPublished().stream().map(this::document).toList());
    }

    /** The revision customers get for {@code id} now, empty when it is not live. */
    Optional<FaqDocument> published(String id) {
        return tx.executeRead(status -> faqs.findById(id).filter(FaqRow::live)
                .flatMap(row -> revisions.findByFaqIdAndRevision(id, row.publishedRevision())).map(this::document));
    }

    /** (id → live revision) for every live FAQ: cheap, for comparing with what an engine serves. */
    Map<String, Long> liveRevisions() {
        Map<String, Long> out = new HashMap<>();
        tx.executeRead(status -> {
            faqs.findAllOrderById().stream().filter(FaqRow::live).forEach(r -> out.put(r.id(), r.publishedRevision()));
            return null;
        });
        return out;
    }

    FaqDocument document(RevisionRow r) {
        return writes.document(r);
    }

    // ---- writes

    FaqState create(FaqDocument input, String actor) {
        requireValid(input);
        try {
            return createChecked(input, actor);
        } catch (io.micronaut.data.exceptions.DataAccessException e) {
            // Two admins creating the same id at once: the primary key decides, the loser gets the same 409.
            if (faqs.existsById(input.id())) {
                throw new Conflict("id", "an FAQ '" + input.id() + "' already exists");
            }
            throw e;
        }
    }

    private FaqState createChecked(FaqDocument input, String actor) {
        return writes.write(input.id(), () -> {
            if (faqs.existsById(input.id())) {
                throw new Conflict("id",
                        "an FAQ '" + input.id() + "' already exists (a deleted one can be restored from its history)");
            }
            Instant now = clock.instant();
            FaqRow row = faqs.save(new FaqRow(input.id(), 1, null, null, now, now, actor));
            FaqDocument head = writes.saveRevision(input.withRevision(1), "created", actor, now);
            audit.record(actor, "faq.created", FaqRevisions.target(input.id()), "revision 1: " + input.title());
            return new FaqState(row, head);
        });
    }

    /** Saves a new draft revision over {@code basedOn}; 409 when someone saved a newer one since. */
    FaqState update(String id, FaqDocument input, long basedOn, String actor) {
        requireValid(input);
        return writes.write(id, () -> {
            FaqRow row = lockLive(id);
            requireRevision(row, basedOn);
            FaqDocument before = writes.head(row);
            if (before.sameContentAs(input)) {
                return new FaqState(row, before);
            }
            return writes.saveHead(row, input, before, "edited", actor);
        });
    }

    /** Makes the newest revision the one customers get. */
    FaqState publish(String id, @Nullable Long basedOn, String actor) {
        return writes.write(id, () -> {
            FaqRow row = lockLive(id);
            if (basedOn != null) {
                requireRevision(row, basedOn);
            }
            if (row.status() == FaqStatus.published) {
                return new FaqState(row, writes.head(row));
            }
            FaqRow saved = faqs.update(row.publishedAt(row.headRevision(), clock.instant(), actor));
            audit.record(actor, "faq.published", FaqRevisions.target(id), "revision " + row.headRevision()
                    + (row.publishedRevision() == null ? " (first publication)" : " replaces revision " + row.publishedRevision()));
            return new FaqState(saved, writes.head(saved));
        });
    }

    /** Soft delete: customers stop getting it, the row and every revision stay for history and restore. */
    FaqState delete(String id, String actor) {
        return writes.write(id, () -> {
            FaqRow row = lockLive(id);
            FaqRow saved = faqs.update(new FaqRow(id, row.headRevision(), null, clock.instant(), row.createdAt(),
                    clock.instant(), actor));
            audit.record(actor, "faq.deleted", FaqRevisions.target(id), row.publishedRevision() == null
                    ? "was a draft at revision " + row.headRevision()
                    : "was live at revision " + row.publishedRevision());
            return new FaqState(saved, writes.head(saved));
        });
    }

    /**
     * Writes an old revision's content as a new draft revision (history is never rewritten); also brings back
     * a deleted FAQ. Publishing it is a separate, deliberate step.
     */
    FaqState restore(String id, long revision, String actor) {
        return writes.write(id, () -> {
            FaqRow row = faqs.findByIdForUpdate(id).orElseThrow(() -> notFound(id));
            FaqDocument old = revisions.findByFaqIdAndRevision(id, revision).map(this::document)
                    .orElseThrow(() -> FaqNotFound.revision(id, revision));
            FaqState state = writes.saveHead(row, old, writes.head(row), "restored", actor);
            audit.record(actor, "faq.restored", FaqRevisions.target(id), "revision " + revision + " restored as revision "
                    + state.row().headRevision() + (row.deleted() ? " (undeleted)" : ""));
            return state;
        });
    }

    // ---- internals

    private FaqRow lockLive(String id) {
        return faqs.findByIdForUpdate(id).filter(r -> !r.deleted()).orElseThrow(() -> notFound(id));
    }

    private static void requireRevision(FaqRow row, long basedOn) {
        if (row.headRevision() != basedOn) {
            throw new StaleRevision(basedOn, row);
        }
    }

    private static void requireValid(FaqDocument d) {
        FaqRules.Violation v = FaqRules.check(d);
        if (v != null) {
            throw new InvalidRequest(v.field(), v.message());
        }
    }

    static FaqNotFound notFound(String id) {
        return new FaqNotFound(id);
    }
}
