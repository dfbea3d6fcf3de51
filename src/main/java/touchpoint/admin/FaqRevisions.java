package touchpoint.admin;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import touchpoint.admin.FaqStore.FaqChanged;
import touchpoint.admin.FaqStore.FaqState;

/**
 * How an FAQ change is written, shared by the editor's writes and the import: one transaction per change, a new
 * revision row for new content (history is never rewritten), and a {@link FaqChanged} after the commit when what
 * customers get has changed.
 */
@Singleton
class FaqRevisions {

    @FunctionalInterface
    interface Change {
        FaqState apply();
    }

    private final FaqRepository faqs;
    private final RevisionRepository revisions;
    private final AuditLog audit;
    private final TransactionOperations<Connection> tx;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher<FaqChanged> changed;

    FaqRevisions(FaqRepository faqs, RevisionRepository revisions, AuditLog audit, TransactionOperations<Connection> tx,
                 JsonMapper json, Clock clock, ApplicationEventPublisher<FaqChanged> changed) {
        this.faqs = faqs;
        this.revisions = revisions;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.changed = changed;
    }

    /** Runs a change in one transaction and announces it after the commit when customers' answers change. */
    FaqState write(String id, Change change) {
        List<String> liveChanged = new ArrayList<>(1);
        FaqState state = commit(id, liveChanged, change);
        announce(liveChanged);
        return state;
    }

    /** Runs a change in one transaction; adds {@code id} to {@code liveChanged} when what customers get changed. */
    FaqState commit(String id, List<String> liveChanged, Change change) {
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

    /** Tells every instance's engine to catch up with these FAQs; nothing when the list is empty. */
    void announce(List<String> liveChanged) {
        if (!liveChanged.isEmpty()) {
            changed.publishEvent(new FaqChanged(List.copyOf(liveChanged)));
        }
    }

    FaqState saveHead(FaqRow row, FaqDocument content, FaqDocument before, String action, String actor) {
        Instant now = clock.instant();
        long next = row.headRevision() + 1;
        FaqDocument head = saveRevision(content.withRevision(next), action, actor, now);
        FaqRow saved = faqs.update(row.withHead(next, now, actor));
        if (!"restored".equals(action) && !"imported".equals(action)) {
            audit.record(actor, "faq." + action, target(row.id()), "revision " + next + summary(before, head));
        }
        return new FaqState(saved, head);
    }

    FaqDocument saveRevision(FaqDocument d, String action, String actor, Instant at) {
        revisions.save(new RevisionRow(null, d.id(), d.revision(), d.title(), write(d.questions()), write(d.tags()),
                d.team(), d.locale(), d.body(), action, actor, at));
        return d;
    }

    FaqDocument head(FaqRow row) {
        return revisions.findByFaqIdAndRevision(row.id(), row.headRevision()).map(this::document)
                .orElseThrow(() -> new IllegalStateException("FAQ " + row.id() + " has no revision " + row.headRevision()));
    }

    FaqDocument document(RevisionRow r) {
        return new FaqDocument(r.faqId(), r.title(), strings(r.questions()), strings(r.tags()), r.team(), r.locale(),
                r.body(), r.revision());
    }

    static String target(String id) {
        return "faq:" + id;
    }

    private static String summary(FaqDocument before, FaqDocument after) {
        List<String> changedFields = new ArrayList<>(RevisionDiff.fields(before, after).stream().map(RevisionDiff.FieldChange::field).toList());
        if (!before.body().strip().equals(after.body().strip())) {
            changedFields.add("body");
        }
        return changedFields.isEmpty() ? "" : ": changed " + String.join(", ", changedFields);
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
