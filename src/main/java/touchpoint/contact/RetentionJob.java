package touchpoint.contact;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.admin.AuditLog;
import touchpoint.chat.Transcript;

/**
 * Redacts transcripts whose last activity is older than {@code touchpoint.privacy.retention} days, the way an
 * erasure does. Every instance runs it; the conversation lock makes a second redaction of the same transcript
 * wait and then find nothing new to remove, and the redacted transcript drops out of the next query.
 */
@Singleton
class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    static final String RETENTION = "retention";
    // A batch a round keeps one run's lock holding short; the loop goes on until nothing is left.
    private static final int BATCH = 200;

    private final Transcript transcript;
    private final PrivacyConfig config;
    private final AuditLog audit;
    private final Clock clock;

    RetentionJob(Transcript transcript, PrivacyConfig config, AuditLog audit, Clock clock) {
        this.transcript = transcript;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(initialDelay = "2m", fixedDelay = "1h")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("retention run failed; the next run retries", e);
        }
    }

    /** @return how many transcripts were redacted */
    int run() {
        if (!config.retentionEnabled()) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(config.retention()));
        int redacted = 0;
        List<String> due;
        do {
            due = transcript.unredactedBefore(cutoff, BATCH);
            for (String id : due) {
                redacted += transcript.redact(id, RETENTION) ? 1 : 0;
            }
        } while (due.size() == BATCH);
        if (redacted > 0) {
            audit.record("system", "privacy.retention", "conversations",
                    redacted + " transcript(s) older than " + config.retention() + " days redacted");
            LOG.info("retention redacted {} transcripts last active before {}", redacted, cutoff);
        }
        return redacted;
    }
}
