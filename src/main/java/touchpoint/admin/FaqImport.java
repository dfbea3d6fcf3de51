package touchpoint.admin;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.admin.FaqStore.FaqState;
import touchpoint.infra.DomainException;

/** Brings faq-content files into the store: from the server's content directory or an uploaded zip. */
@Singleton
class FaqImport {

    private static final Logger LOG = LoggerFactory.getLogger(FaqImport.class);

    /** A faq-content file to import: its name (for the report) and its text, null when it is not UTF-8. */
    record SourceFile(String name, String content) {
    }

    private final FaqRepository faqs;
    private final FaqRevisions writes;
    private final AuditLog audit;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    FaqImport(FaqRepository faqs, FaqRevisions writes, AuditLog audit, TransactionOperations<Connection> tx, Clock clock) {
        this.faqs = faqs;
        this.writes = writes;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
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
        // One announcement for the whole import: engines re-index once, not once per file.
        writes.announce(liveChanged);
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
        writes.commit(doc.id(), liveChanged, () -> {
            Instant now = clock.instant();
            FaqRow row = faqs.findByIdForUpdate(doc.id()).orElse(null);
            FaqState state;
            if (row == null) {
                row = faqs.save(new FaqRow(doc.id(), 1, null, null, now, now, actor));
                state = new FaqState(row, writes.saveRevision(doc.withRevision(1), "imported", actor, now));
                audit.record(actor, "faq.imported", FaqRevisions.target(doc.id()), "created at revision 1");
                outcome[0] = "created";
            } else {
                FaqDocument head = writes.head(row);
                if (!row.deleted() && head.sameContentAs(doc)) {
                    state = new FaqState(row, head);
                    outcome[0] = "unchanged";
                } else {
                    state = writes.saveHead(row, doc, head, "imported", actor);
                    audit.record(actor, "faq.imported", FaqRevisions.target(doc.id()), "revision " + state.row().headRevision());
                    outcome[0] = "updated";
                }
            }
            if (publish && state.row().status() != FaqStatus.published) {
                FaqRow saved = faqs.update(state.row().publishedAt(state.row().headRevision(), now, actor));
                audit.record(actor, "faq.published", FaqRevisions.target(doc.id()), "revision " + saved.publishedRevision() + " (import)");
                state = new FaqState(saved, state.head());
            }
            return state;
        });
        return outcome[0];
    }

    private static String reason(RuntimeException e) {
        return e instanceof DomainException refused ? refused.detail() : "database error";
    }
}
