package touchpoint.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A follow-up for a customer who had a bad experience (a low score or a frustrated hand-off).
 *
 * @param link where an agent opens the conversation
 * @param reason why the task exists; several reasons in one conversation are joined with "; "
 */
@Serdeable
public record RecoveryTask(long id, String conversationId, String link, String reason, String status,
                           @Nullable String assignee, @Nullable String agentId, Instant createdAt, Instant updatedAt) {

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

    static RecoveryTask of(RecoveryTaskRow row, String linkPrefix) {
        return new RecoveryTask(row.id(), row.conversationId(), linkPrefix + row.conversationId(), row.reason(), row.status(),
                row.assignee(), row.agentId(), row.createdAt(), row.updatedAt());
    }
}
