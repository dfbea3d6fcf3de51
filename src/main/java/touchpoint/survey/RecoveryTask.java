package touchpoint.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A follow-up for a customer who had a bad experience (a low score or a frustrated hand-off).
 *
 * @param link where an agent opens the conversation
 * @param reason why the task exists; several reasons in one conversation are joined with "; "
 * @param followUps what agents sent the customer from this task, oldest first; {@code followedUpAt} the latest
 */
@Serdeable
public record RecoveryTask(long id, String conversationId, String link, String reason, String status,
                           @Nullable String assignee, @Nullable String agentId, Instant createdAt, Instant updatedAt,
                           List<FollowUp> followUps, @Nullable Instant followedUpAt) {

    /**
     * A message an agent sent the customer from this task, through the conversation's channel or by email.
     *
     * @param seq where it stands in the conversation's transcript
     * @param deliveredVia how it went ({@code web}, {@code email}, {@code api}, {@code telegram}...); absent for
     *     follow-ups sent before this was recorded
     * @param maskedAddress the mailbox, masked, when it went by email
     */
    @Serdeable
    public record FollowUp(String agentId, @Nullable String agentName, String text, long seq, Instant sentAt,
                           @Nullable String deliveredVia, @Nullable String maskedAddress) {
    }

    /** The lifecycle of a task; stored and sent in lower case. */
    public enum Status {
        OPEN, IN_PROGRESS, DONE;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Status> parse(String value) {
            return Arrays.stream(values()).filter(s -> s.json().equals(value)).findFirst();
        }
    }

    /** {@code followUps}: the follow-ups sent from this task (any order; others are left out). */
    static RecoveryTask of(RecoveryTaskRow row, String linkPrefix, Collection<RecoveryFollowUpRow> followUps) {
        List<FollowUp> sent = followUps.stream().filter(f -> f.taskId() == row.id())
                .sorted(Comparator.comparing(RecoveryFollowUpRow::sentAt).thenComparing(RecoveryFollowUpRow::seq))
                .map(f -> new FollowUp(f.agentId(), f.agentName(), f.text(), f.seq(), f.sentAt(), f.deliveredVia(), f.maskedAddress()))
                .toList();
        return new RecoveryTask(row.id(), row.conversationId(), linkPrefix + row.conversationId(), row.reason(), row.status(),
                row.assignee(), row.agentId(), row.createdAt(), row.updatedAt(), sent,
                sent.isEmpty() ? null : sent.get(sent.size() - 1).sentAt());
    }
}
