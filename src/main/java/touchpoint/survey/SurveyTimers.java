package touchpoint.survey;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import touchpoint.chat.TranscriptAppended;
import touchpoint.chat.TranscriptEvent;

/**
 * Keeps the survey timers in step with the transcript. Listeners can see a conversation's events slightly out
 * of order (a listener that appends publishes its own events before the outer loop continues), so every change
 * is guarded by sequence number: an older event never overwrites or clears a newer timer.
 */
@Singleton
class SurveyTimers {

    private final SurveyTimerRepository timers;
    private final SurveyConfig config;

    SurveyTimers(SurveyTimerRepository timers, SurveyConfig config) {
        this.timers = timers;
        this.config = config;
    }

    /**
     * Applies a whole write's net effect on the timers, on its last event: per kind of timer only the write's last
     * change survives (a bot answer's idle timer replaces any older one, and a later event in the same write clears
     * it again), so a customer's turn costs one statement, not one or two per event. The seq guards stay on each
     * statement, so a write seen after a newer one never overwrites or clears the newer timer.
     */
    @Transactional
    void track(TranscriptAppended appended) {
        List<TranscriptEvent> write = appended.write();
        String id = appended.event().conversationId();
        TranscriptEvent idleSet = null;
        long idleClearedBelow = 0;
        TranscriptEvent expirySet = null;
        long expiryClearedBelow = 0;
        boolean answered = false;
        for (TranscriptEvent event : write) {
            switch (event.type()) {
                case BOT_ANSWERED -> {
                    answered = true;
                    if (config.enabled() && config.samplingAfterIdle() > 0) {
                        idleSet = event;
                        idleClearedBelow = 0;
                    }
                }
                case SURVEY_ASKED -> {
                    expirySet = event;
                    expiryClearedBelow = 0;
                }
                case SURVEY_ANSWERED, SURVEY_SKIPPED, SURVEY_EXPIRED -> {
                    expirySet = null;
                    expiryClearedBelow = event.seq();
                }
                default -> {
                }
            }
            if (!event.is(touchpoint.chat.EventType.BOT_ANSWERED)) {
                // Anything after a bot answer means the conversation did not go idle on it.
                idleSet = null;
                idleClearedBelow = event.seq();
            }
        }
        if (idleSet != null) {
            set(id, SurveyTimerRow.IDLE, null, idleSet.seq(), idleSet.createdAt().plus(Duration.ofMinutes(config.idleMinutes())));
        } else if (idleClearedBelow > 0 && (answered || mayBeIdle(appended.state().lastAnswerSeq(), write.get(0).seq()))) {
            timers.deleteByConversationIdAndKindAndRefSeqLessThan(id, SurveyTimerRow.IDLE, idleClearedBelow);
        }
        if (expirySet != null) {
            set(id, SurveyTimerRow.EXPIRY, expirySet.survey().questionId(), expirySet.seq(),
                    expirySet.createdAt().plus(Duration.ofHours(config.expiryHours())));
        } else if (expiryClearedBelow > 0) {
            timers.deleteByConversationIdAndKindAndRefSeqLessThan(id, SurveyTimerRow.EXPIRY, expiryClearedBelow);
        }
    }

    /**
     * Whether an idle timer can still be there before a write without a bot answer: only the answer just before
     * the write left one; any later event's write cleared it. A timer left behind anyway (a listener that failed)
     * never fires a survey, as the sweep checks that the answer is still the last event, and is deleted then.
     */
    private static boolean mayBeIdle(long lastAnswerSeq, long firstSeqOfWrite) {
        return lastAnswerSeq > 0 && lastAnswerSeq == firstSeqOfWrite - 1;
    }

    List<SurveyTimerRow> due(Instant now) {
        return timers.findByDueAtLessThanEqualsOrderByDueAt(now);
    }

    void done(SurveyTimerRow timer) {
        timers.delete(timer);
    }

    /** Moves the timer of this kind to {@code seq} unless it already stands at or after it: one statement when it exists. */
    private void set(String conversationId, String kind, String questionId, long seq, Instant due) {
        if (timers.advance(conversationId, kind, questionId, seq, due) > 0) {
            return;
        }
        if (timers.insertIfAbsent(conversationId, kind, questionId, seq, due) == 0) {
            // The row exists (at or after seq, or inserted by a concurrent listener of a newer write): only a newer
            // seq may move it.
            timers.advance(conversationId, kind, questionId, seq, due);
        }
    }
}
