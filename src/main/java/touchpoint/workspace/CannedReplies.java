package touchpoint.workspace;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import touchpoint.admin.AuditLog;
import touchpoint.infra.Conflict;
import touchpoint.infra.Ids;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.NotFound;
import touchpoint.knowledge.FaqView;
import touchpoint.knowledge.KnowledgeBase;

/** Canned replies: admins keep them, agents insert them by shortcut with the conversation's values filled in. */
@Singleton
class CannedReplies {

    /** A canned reply as admins edit it. */
    @Serdeable
    record CannedReply(String id, String shortcut, String title, String body) {
        static CannedReply of(CannedReplyRow r) {
            return new CannedReply(r.id(), r.shortcut(), r.title(), r.body());
        }
    }

    /** A canned reply ready for one conversation: {@code text} is the body with its variables filled in. */
    @Serdeable
    record Expanded(String id, String shortcut, String title, String text) {
    }

    private final CannedReplyRepository replies;
    private final KnowledgeBase knowledge;
    private final CustomerNames names;
    private final AuditLog audit;
    private final Ids ids;
    private final Clock clock;

    CannedReplies(CannedReplyRepository replies, KnowledgeBase knowledge, CustomerNames names, AuditLog audit, Ids ids, Clock clock) {
        this.replies = replies;
        this.knowledge = knowledge;
        this.names = names;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    List<CannedReply> all() {
        return replies.findAllOrderByShortcut().stream().map(CannedReply::of).toList();
    }

    CannedReply create(String admin, String shortcut, String title, String body) {
        String normalized = shortcut(shortcut);
        if (replies.findByShortcut(normalized).isPresent()) {
            throw new Conflict("shortcut", "/" + normalized + " is taken");
        }
        CannedReplyRow row = replies.save(new CannedReplyRow(ids.newId(), normalized, title.strip(), body.strip(), admin, clock.instant()));
        audit.record(admin, "canned_reply.create", row.id(), "/" + normalized);
        return CannedReply.of(row);
    }

    CannedReply update(String admin, String id, String shortcut, String title, String body) {
        CannedReplyRow existing = replies.findById(id).orElseThrow(() -> new NotFound("No canned reply " + id));
        String normalized = shortcut(shortcut);
        replies.findByShortcut(normalized).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw new Conflict("shortcut", "/" + normalized + " is taken");
        });
        CannedReplyRow row = replies.update(new CannedReplyRow(existing.id(), normalized, title.strip(), body.strip(), admin, clock.instant()));
        audit.record(admin, "canned_reply.update", id, "/" + normalized);
        return CannedReply.of(row);
    }

    void delete(String admin, String id) {
        CannedReplyRow existing = replies.findById(id).orElseThrow(() -> new NotFound("No canned reply " + id));
        replies.delete(existing);
        audit.record(admin, "canned_reply.delete", id, "/" + existing.shortcut());
    }

    /** Every canned reply with {@code conversationId}'s values filled in, for the agent's reply box. */
    List<Expanded> expandedFor(String conversationId, @Nullable String agentName) {
        Map<String, String> values = new HashMap<>();
        names.nameOf(conversationId).ifPresent(n -> values.put("customer.name", n));
        if (agentName != null) {
            values.put("agent.name", agentName);
        }
        return replies.findAllOrderByShortcut().stream()
                .map(r -> new Expanded(r.id(), r.shortcut(), r.title(), CannedTemplate.expand(r.body(), values, this::answerOf)))
                .toList();
    }

    private Optional<String> answerOf(String faqId) {
        return knowledge.faq(faqId).map(FaqView::bodyMarkdown).map(String::strip);
    }

    private static String shortcut(String raw) {
        String s = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("/")) {
            s = s.substring(1);
        }
        if (!s.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            throw new InvalidRequest("shortcut", "a shortcut is 1 to 40 letters, digits, _ or -, typed after /");
        }
        return s;
    }
}
