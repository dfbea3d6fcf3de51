package touchpoint.workspace;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.TranscriptRedactions.TranscriptRedacted;

/**
 * A redacted transcript (erasure or retention) leaves nothing in the workspace: the files sent in it are deleted,
 * bytes and rows, and the search rows are recomputed from the redacted log, so its old words no longer find it.
 * Every instance hears the redaction; both steps are idempotent, and files kept in a directory are deleted on
 * whichever instance holds them.
 */
@Singleton
class WorkspaceRedaction {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceRedaction.class);

    private final Attachments attachments;
    private final SearchProjection search;

    WorkspaceRedaction(Attachments attachments, SearchProjection search) {
        this.attachments = attachments;
        this.search = search;
    }

    @EventListener
    void on(TranscriptRedacted redacted) {
        int files = attachments.forget(redacted.conversationId());
        search.rebuild(redacted.conversationId());
        LOG.info("workspace redacted conversation={} files={}", redacted.conversationId(), files);
    }
}
