package touchpoint.survey;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.NotFound;

/** The service-recovery queue: one task per conversation, worked by agents and admins. */
@Singleton
public class RecoveryQueue {

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryQueue.class);

    private final RecoveryTaskRepository tasks;
    private final RecoveryFollowUpRepository followUps;
    private final RecoveryWebhook webhook;
    private final SurveyConfig config;
    private final Clock clock;

    RecoveryQueue(RecoveryTaskRepository tasks, RecoveryFollowUpRepository followUps, RecoveryWebhook webhook, SurveyConfig config,
                  Clock clock) {
        this.tasks = tasks;
        this.followUps = followUps;
        this.webhook = webhook;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Opens a task for the conversation, or adds the reason to its existing task (reopening it if it was done:
     * a new bad experience needs a new look). Only a newly created task is announced on the webhook.
     */
    void open(String conversationId, String reason, String agentId) {
        Instant now = clock.instant();
        Optional<RecoveryTask> created = record(conversationId, reason, agentId, now);
        created.ifPresent(task -> {
            // Without the customer's comment: a log cannot be erased afterwards.
            LOG.info("recovery task opened id={} conversation={} reason={}", task.id(), conversationId, withoutComments(reason));
            webhook.announce(task);
        });
    }

    @Transactional
    Optional<RecoveryTask> record(String conversationId, String reason, String agentId, Instant now) {
        Optional<RecoveryTaskRow> existing = tasks.findByConversationId(conversationId);
        if (existing.isPresent()) {
            RecoveryTaskRow row = existing.get();
            if (!row.reason().contains(reason)) {
                String status = RecoveryTask.Status.DONE.json().equals(row.status()) ? RecoveryTask.Status.OPEN.json() : row.status();
                tasks.update(new RecoveryTaskRow(row.id(), conversationId, row.reason() + "; " + reason, status, row.assignee(),
                        row.agentId() == null ? agentId : row.agentId(), row.createdAt(), now));
            }
            return Optional.empty();
        }
        RecoveryTaskRow saved = tasks.save(new RecoveryTaskRow(null, conversationId, reason, RecoveryTask.Status.OPEN.json(), null,
                agentId, now, now));
        return Optional.of(RecoveryTask.of(saved, config.recoveryLinkPrefix(), List.of()));
    }

    /** The tasks of these conversations, oldest first (a contact's profile and journey). */
    public List<RecoveryTask> forConversations(java.util.Collection<String> conversationIds) {
        return views(conversationIds.stream().map(tasks::findByConversationId).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(RecoveryTaskRow::createdAt)).toList());
    }

    /** Removes the customer's comments quoted in the conversation's task; the reasons and scores stay. */
    @Transactional
    void redact(String conversationId) {
        tasks.findByConversationId(conversationId).ifPresent(row -> {
            String reason = withoutComments(row.reason());
            if (!reason.equals(row.reason())) {
                tasks.update(new RecoveryTaskRow(row.id(), row.conversationId(), reason, row.status(), row.assignee(),
                        row.agentId(), row.createdAt(), row.updatedAt()));
            }
        });
    }

    /**
     * Greedy from the first quoted comment to the last quote: a comment may itself hold quotes and "; ", and
     * dropping a later reason's label is better than leaving any of the customer's words behind.
     */
    static String withoutComments(String reason) {
        return reason.replaceAll("(?s): \".*\"", "");
    }

    public List<RecoveryTask> list(String status) {
        List<RecoveryTaskRow> rows;
        if (status == null || status.isBlank()) {
            rows = tasks.findAllOrderByCreatedAt();
        } else {
            RecoveryTask.Status s = RecoveryTask.Status.parse(status)
                    .orElseThrow(() -> new InvalidRequest("status", "must be open, in_progress or done"));
            rows = tasks.findByStatusOrderByCreatedAt(s.json());
        }
        return views(rows);
    }

    /** The tasks with their follow-ups, read in one query. */
    private List<RecoveryTask> views(List<RecoveryTaskRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<RecoveryFollowUpRow> sent = followUps.findByTaskIdInListOrderBySentAt(rows.stream().map(RecoveryTaskRow::id).toList());
        return rows.stream().map(r -> RecoveryTask.of(r, config.recoveryLinkPrefix(), sent)).toList();
    }

    public RecoveryTask update(long id, String status, String assignee) {
        RecoveryTask.Status s = RecoveryTask.Status.parse(status)
                .orElseThrow(() -> new InvalidRequest("status", "must be open, in_progress or done"));
        RecoveryTaskRow row = tasks.findById(id)
                .orElseThrow(() -> new NotFound("No recovery task " + id));
        String who = assignee == null || assignee.isBlank() ? null : assignee.strip();
        RecoveryTaskRow updated = tasks.update(new RecoveryTaskRow(row.id(), row.conversationId(), row.reason(), s.json(), who,
                row.agentId(), row.createdAt(), clock.instant()));
        LOG.info("recovery task updated id={} status={} assignee={}", id, s.json(), who);
        return views(List.of(updated)).get(0);
    }
}
