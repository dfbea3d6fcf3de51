package touchpoint.admin;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.NotFound;
import touchpoint.infra.PiiMasker;

/**
 * The knowledge base's "not ours" examples: questions customers ask that it does not answer, added by admins on
 * the FAQ page or with one click on a knowledge gap. The database is the truth; after each committed change a
 * {@link NotOursChanged} event lets {@link KnowledgeSync} give every instance's engine the new list, and the
 * fallback learns from them there. Every change is audited.
 */
@Singleton
public class NotOursExamples {

    static final int MAX_LENGTH = 500;
    static final int MAX_PER_REQUEST = 50;
    static final Set<String> SOURCES = Set.of("manual", "gap");
    private static final String TARGET = "knowledge:not-ours";

    private final NotOursRepository examples;
    private final AuditLog audit;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    private final ApplicationEventPublisher<NotOursChanged> changed;

    NotOursExamples(NotOursRepository examples, AuditLog audit, TransactionOperations<Connection> tx, Clock clock,
                    ApplicationEventPublisher<NotOursChanged> changed) {
        this.examples = examples;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.changed = changed;
    }

    /** The examples changed in the database (committed). */
    public record NotOursChanged() {
    }

    /** One example as the admin API shows it. */
    @Serdeable
    public record NotOursExample(long id, String text, String source, String createdBy, Instant createdAt) {

        static NotOursExample of(NotOursRow r) {
            return new NotOursExample(r.id(), r.text(), r.source(), r.createdBy(), r.createdAt());
        }
    }

    /**
     * @param added the examples stored by this request
     * @param skipped texts already stored (the same question, ignoring case and spacing), or repeated in the request
     */
    @Serdeable
    public record Added(List<NotOursExample> added, int skipped) {
    }

    /** Oldest first. */
    public List<NotOursExample> list() {
        return examples.findAllOrderById().stream().map(NotOursExample::of).toList();
    }

    /** The texts the engine learns from, oldest first. */
    List<String> texts() {
        return examples.findAllOrderById().stream().map(NotOursRow::text).toList();
    }

    /**
     * Stores these questions as "not ours". Customer text is PII-masked first: an example is shared knowledge-base
     * content, shown to every admin.
     */
    public Added add(List<String> texts, @Nullable String source, String actor) {
        String from = source == null || source.isBlank() ? "manual" : source.strip();
        if (!SOURCES.contains(from)) {
            throw new InvalidRequest("source", "must be manual or gap");
        }
        if (texts == null || texts.isEmpty() || texts.size() > MAX_PER_REQUEST
                || texts.stream().anyMatch(t -> t == null || t.isBlank() || t.strip().length() > MAX_LENGTH)) {
            throw new InvalidRequest("texts", "must be 1 to " + MAX_PER_REQUEST + " non-blank questions of at most "
                    + MAX_LENGTH + " characters");
        }
        Added result = tx.executeWrite(status -> {
            List<NotOursExample> stored = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Instant now = clock.instant();
            for (String t : texts) {
                String masked = PiiMasker.mask(t.strip());
                String normalized = normalize(masked);
                if (!seen.add(normalized) || examples.existsByNormalizedText(normalized)) {
                    continue;
                }
                stored.add(NotOursExample.of(examples.save(new NotOursRow(null, masked, normalized, from, actor, now))));
            }
            if (!stored.isEmpty()) {
                audit.record(actor, "knowledge.not-ours-added", TARGET, stored.size() + " from " + from + ": "
                        + String.join(" | ", stored.stream().map(NotOursExample::text).toList()));
            }
            return new Added(stored, texts.size() - stored.size());
        });
        if (!result.added().isEmpty()) {
            changed.publishEvent(new NotOursChanged());
        }
        return result;
    }

    public void remove(long id, String actor) {
        tx.executeWrite(status -> {
            NotOursRow row = examples.findById(id).orElseThrow(() -> new NotFound("No not-ours example " + id));
            examples.delete(row);
            audit.record(actor, "knowledge.not-ours-removed", TARGET, row.text());
            return null;
        });
        changed.publishEvent(new NotOursChanged());
    }

    static String normalize(String text) {
        String n = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[?.!]+$", "");
        return n.length() <= MAX_LENGTH ? n : n.substring(0, MAX_LENGTH);
    }
}
