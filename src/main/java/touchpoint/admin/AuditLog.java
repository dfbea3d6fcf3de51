package touchpoint.admin;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Who changed what and when. Any feature records its administrative changes here (FAQs, users, settings).
 * Called inside a transaction, the entry commits or rolls back with the change it describes.
 */
@Singleton
public class AuditLog {

    /** The longest detail kept; details are summaries, not payloads. */
    private static final int MAX_DETAIL = 4000;

    private final AuditRepository entries;
    private final Clock clock;

    AuditLog(AuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * @param actor the user name that made the change ({@code system} for the service itself)
     * @param action a short verb phrase, e.g. {@code faq.published}, {@code user.created}
     * @param target what was changed, e.g. {@code faq:cancel-an-order}, {@code user:alice}
     * @param detail a human summary of the change, may be null
     */
    public void record(String actor, String action, String target, @Nullable String detail) {
        String d = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…";
        entries.save(new AuditRow(null, clock.instant(), clip(actor, 200), clip(action, 60), clip(target, 300), d));
    }

    /** Newest first; {@code target} narrows to one thing, {@code beforeId} pages back. */
    List<AuditRow> recent(@Nullable String target, @Nullable Long beforeId, int limit) {
        long before = beforeId == null ? Long.MAX_VALUE : beforeId;
        return target == null || target.isBlank()
                ? entries.findByIdLessThanOrderByIdDesc(before, limit)
                : entries.findByTargetAndIdLessThanOrderByIdDesc(target, before, limit);
    }

    private static String clip(String s, int max) {
        String v = s == null || s.isBlank() ? "unknown" : s;
        return v.length() <= max ? v : v.substring(0, max);
    }
}
