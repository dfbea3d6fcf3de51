package touchpoint.admin;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.infra.BadRequestException;

/**
 * The knowledge base's source of truth: FAQs and their append-only revisions. Every change writes a new
 * revision and an audit entry in one transaction; when what customers get changes (publish, delete), a
 * {@link FaqChanged} event follows the commit so every instance's engine can catch up.
 */
@Singleton
class FaqStore {

    private static final Logger LOG = LoggerFactory.getLogger(FaqStore.class);

    /** The newest revision of an FAQ with its row (status, live revision, deletion). */
    record FaqState(FaqRow row, FaqDocument head) {
    }

    /** What customers get for these FAQs has changed; published after the commit, one event per request. */
    record FaqChanged(List<String> faqIds) {
    }

    /** A faq-content file to import: its name (for the report) and its text, null when it is not UTF-8. */
    record SourceFile(String name, String content) {
    }

    private final FaqRepository faqs;
    private final RevisionRepository revisions;
    private final AuditLog audit;
    private final TransactionOperations<Connection> tx;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher<FaqChanged> changed;

    FaqStore(FaqRepository faqs, RevisionRepository revisions, AuditLog audit, TransactionOperations<Connection> tx,
             JsonMapper json, Clock clock, ApplicationEventPublisher<FaqChanged> changed) {
        this.faqs = faqs;
        this.revisions = revisions;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.changed = changed;
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
        return tx.executeRead(status -> faqs.findById(id).map(row -> new FaqState(row, head(row))));
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
        return new FaqDocument(r.faqId(), r.title(), strings(r.questions()), strings(r.tags()), r.team(), r.locale(),
                r.body(), r.revision());
    }

    // ---- writes

    FaqState create(FaqDocument input, String actor) {
        requireValid(input);
        try {
            return createChecked(input, actor);
        } catch (io.micronaut.data.exceptions.DataAccessException e) {
            // Two admins creating the same id at once: the primary key decides, the loser gets the same 409.
            if (faqs.existsById(input.id())) {
                throw new HttpStatusException(HttpStatus.CONFLICT, "id: an FAQ '" + input.id() + "' already exists");
            }
            throw e;
        }
    }

    private FaqState createChecked(FaqDocument input, String actor) {
        return write(input.id(), actor, () -> {
            if (faqs.existsById(input.id())) {
                throw new HttpStatusException(HttpStatus.CONFLICT,
                        "id: an FAQ '" + input.id() + "' already exists (a deleted one can be restored from its history)");
            }
            Instant now = clock.instant();
            FaqRow row = faqs.save(new FaqRow(input.id(), 1, null, null, now, now, actor));
            FaqDocument head = saveRevision(input.withRevision(1), "created", actor, now);
            audit.record(actor, "faq.created", target(input.id()), "revision 1: " + input.title());
            return new FaqState(row, head);
        });
    }

    /** Saves a new draft revision over {@code basedOn}; 409 when someone saved a newer one since. */
    FaqState update(String id, FaqDocument input, long basedOn, String actor) {
        requireValid(input);
        return write(id, actor, () -> {
            FaqRow row = lockLive(id);
            requireRevision(row, basedOn);
            FaqDocument before = head(row);
            if (before.sameContentAs(input)) {
                return new FaqState(row, before);
            }
            return saveHead(row, input, before, "edited", actor);
        });
    }

    /** Makes the newest revision the one customers get. */
    FaqState publish(String id, @Nullable Long basedOn, String actor) {
        return write(id, actor, () -> {
            FaqRow row = lockLive(id);
            if (basedOn != null) {
                requireRevision(row, basedOn);
            }
            if (row.status() == FaqStatus.published) {
                return new FaqState(row, head(row));
            }
            FaqRow saved = faqs.update(row.publishedAt(row.headRevision(), clock.instant(), actor));
            audit.record(actor, "faq.published", target(id), "revision " + row.headRevision()
                    + (row.publishedRevision() == null ? " (first publication)" : " replaces revision " + row.publishedRevision()));
            return new FaqState(saved, head(saved));
        });
    }

    /** Soft delete: customers stop getting it, the row and every revision stay for history and restore. */
    FaqState delete(String id, String actor) {
        return write(id, actor, () -> {
            FaqRow row = lockLive(id);
            FaqRow saved = faqs.update(new FaqRow(id, row.headRevision(), null, clock.instant(), row.createdAt(),
                    clock.instant(), actor));
            audit.record(actor, "faq.deleted", target(id), row.publishedRevision() == null
                    ? "was a draft at revision " + row.headRevision()
                    : "was live at revision " + row.publishedRevision());
            return new FaqState(saved, head(saved));
        });
    }

    /**
     * Writes an old revision's content as a new draft revision (history is never rewritten); also brings back
     * a deleted FAQ. Publishing it is a separate, deliberate step.
     */
    FaqState restore(String id, long revision, String actor) {
        return write(id, actor, () -> {
            FaqRow row = faqs.findByIdForUpdate(id).orElseThrow(() -> notFound(id));
            FaqDocument old = revisions.findByFaqIdAndRevision(id, revision).map(this::document)
                    .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "FAQ '" + id + "' has no revision " + revision));
            FaqState state = saveHead(row, old, head(row), "restored", actor);
            audit.record(actor, "faq.restored", target(id), "revision " + revision + " restored as revision "
                    + state.row().headRevision() + (row.deleted() ? " (undeleted)" : ""));
            return state;
        });
    }

    /**
     * Imports faq-content files: each file is checked and written on its own, so one bad file is reported
     * and the others are imported. Unchanged files write nothing; with {@code publish} every imported FAQ is
     * published as well (seeding an empty database).
     */
    ImportReport importFiles(String source, List<SourceFile> files, boolean publish, String actor) {
        List<ImportReport.FileResult> results = new ArrayList<>();
        List<String> liveChanged = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SourceFile file : files) {
            if (file.content() == null) {
                results.add(new ImportReport.FileResult(file.name(), null, "error", 0, "not UTF-8 text"));
                continue;
            }
            FaqFiles.Parsed parsed = FaqFiles.read(file.content());
            if (!parsed.ok()) {
                results.add(new ImportReport.FileResult(file.name(), null, "error", parsed.line(), parsed.problem()));
                continue;
            }
            FaqDocument doc = parsed.faq();
            if (!seen.add(doc.id())) {
                results.add(new ImportReport.FileResult(file.name(), doc.id(), "error", 2,
                        "id: '" + doc.id() + "' appears in more than one file of this import"));
                continue;
            }
            try {
                results.add(new ImportReport.FileResult(file.name(), doc.id(), importOne(doc, publish, actor, liveChanged), 0, null));
            } catch (RuntimeException e) {
                LOG.warn("import of {} failed", file.name(), e);
                results.add(new ImportReport.FileResult(file.name(), doc.id(), "error", 0, "could not be stored: " + reason(e)));
            }
        }
        if (!liveChanged.isEmpty()) {
            // One announcement for the whole import: engines re-index once, not once per file.
            changed.publishEvent(new FaqChanged(List.copyOf(liveChanged)));
        }
        ImportReport report = ImportReport.of(source, results);
        tx.executeWrite(status -> {
            audit.record(actor, "knowledge.imported", "knowledge:" + source, report.created() + " created, "
                    + report.updated() + " updated, " + report.unchanged() + " unchanged, " + report.failed() + " failed"
                    + (publish ? ", published" : ""));
            return null;
        });
        return report;
    }

    private String importOne(FaqDocument doc, boolean publish, String actor, List<String> liveChanged) {
        String[] outcome = new String[1];
        commit(doc.id(), liveChanged, () -> {
            Instant now = clock.instant();
            FaqRow row = faqs.findByIdForUpdate(doc.id()).orElse(null);
            FaqState state;
            if (row == null) {
                row = faqs.save(new FaqRow(doc.id(), 1, null, null, now, now, actor));
                state = new FaqState(row, saveRevision(doc.withRevision(1), "imported", actor, now));
                audit.record(actor, "faq.imported", target(doc.id()), "created at revision 1");
                outcome[0] = "created";
            } else {
                FaqDocument head = head(row);
                if (!row.deleted() && head.sameContentAs(doc)) {
                    state = new FaqState(row, head);
                    outcome[0] = "unchanged";
                } else {
                    state = saveHead(row, doc, head, "imported", actor);
                    audit.record(actor, "faq.imported", target(doc.id()), "revision " + state.row().headRevision());
                    outcome[0] = "updated";
                }
            }
            if (publish && state.row().status() != FaqStatus.published) {
                FaqRow saved = faqs.update(state.row().publishedAt(state.row().headRevision(), now, actor));
                audit.record(actor, "faq.published", target(doc.id()), "revision " + saved.publishedRevision() + " (import)");
                state = new FaqState(saved, state.head());
            }
            return state;
        });
        return outcome[0];
    }

    // ---- internals

    @FunctionalInterface
    private interface Change {
        FaqState apply();
    }

    /** Runs a change in one transaction and announces it after the commit when customers' answers change. */
    private FaqState write(String id, String actor, Change change) {
        List<String> liveChanged = new ArrayList<>(1);
        FaqState state = commit(id, liveChanged, change);
        if (!liveChanged.isEmpty()) {
            changed.publishEvent(new FaqChanged(liveChanged));
        }
        return state;
    }

    /** Runs a change in one transaction; adds {@code id} to {@code liveChanged} when what customers get changed. */
    private FaqState commit(String id, List<String> liveChanged, Change change) {
        Long[] liveBefore = new Long[1];
        FaqState state = tx.executeWrite(status -> {
            liveBefore[0] = faqs.findById(id).filter(FaqRow::live).map(FaqRow::publishedRevision).orElse(null);
            return change.apply();
        });
        Long liveAfter = state.row().live() ? state.row().publishedRevision() : null;
        if (!java.util.Objects.equals(liveBefore[0], liveAfter)) {
            liveChanged.add(id);
        }
        return state;
    }

    private FaqState saveHead(FaqRow row, FaqDocument content, FaqDocument before, String action, String actor) {
        Instant now = clock.instant();
        long next = row.headRevision() + 1;
        FaqDocument head = saveRevision(content.withRevision(next), action, actor, now);
        FaqRow saved = faqs.update(row.withHead(next, now, actor));
        if (!"restored".equals(action) && !"imported".equals(action)) {
            audit.record(actor, "faq." + action, target(row.id()), "revision " + next + summary(before, head));
        }
        return new FaqState(saved, head);
    }

    private FaqDocument saveRevision(FaqDocument d, String action, String actor, Instant at) {
        revisions.save(new RevisionRow(null, d.id(), d.revision(), d.title(), write(d.questions()), write(d.tags()),
                d.team(), d.locale(), d.body(), action, actor, at));
        return d;
    }

    private static String summary(FaqDocument before, FaqDocument after) {
        List<String> changedFields = new ArrayList<>(RevisionDiff.fields(before, after).stream().map(RevisionDiff.FieldChange::field).toList());
        if (!before.body().strip().equals(after.body().strip())) {
            changedFields.add("body");
        }
        return changedFields.isEmpty() ? "" : ": changed " + String.join(", ", changedFields);
    }

    private FaqRow lockLive(String id) {
        return faqs.findByIdForUpdate(id).filter(r -> !r.deleted()).orElseThrow(() -> notFound(id));
    }

    private FaqDocument head(FaqRow row) {
        return revisions.findByFaqIdAndRevision(row.id(), row.headRevision()).map(this::document)
                .orElseThrow(() -> new IllegalStateException("FAQ " + row.id() + " has no revision " + row.headRevision()));
    }

    private static void requireRevision(FaqRow row, long basedOn) {
        if (row.headRevision() != basedOn) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "revision: the FAQ was changed since revision " + basedOn
                    + " (it is now at revision " + row.headRevision() + " by " + row.updatedBy() + "); reload it and apply your edit again");
        }
    }

    private static void requireValid(FaqDocument d) {
        FaqRules.Violation v = FaqRules.check(d);
        if (v != null) {
            throw new BadRequestException(v.field(), v.message());
        }
    }

    static HttpStatusException notFound(String id) {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "No FAQ with id '" + id + "'");
    }

    private static String target(String id) {
        return "faq:" + id;
    }

    private static String reason(RuntimeException e) {
        return e instanceof HttpStatusException h ? h.getMessage() : "database error";
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> strings(String value) {
        try {
            List<String> list = json.readValue(value, Argument.listOf(String.class));
            return list == null ? List.of() : list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
