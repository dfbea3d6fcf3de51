package touchpoint.survey;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    @Transactional
    void track(TranscriptEvent event) {
        String id = event.conversationId();
        switch (event.type()) {
            case BOT_ANSWERED -> {
                if (config.enabled() && config.samplingAfterIdle() > 0) {
                    set(id, SurveyTimerRow.IDLE, null, event.seq(), event.createdAt().plus(Duration.ofMinutes(config.idleMinutes())));
                }
            }
            case SURVEY_ASKED -> set(id, SurveyTimerRow.EXPIRY, event.survey().questionId(), event.seq(),
                    event.createdAt().plus(Duration.ofHours(config.expiryHours())));
            case SURVEY_ANSWERED, SURVEY_SKIPPED, SURVEY_EXPIRED ->
                    timers.deleteByConversationIdAndKindAndRefSeqLessThan(id, SurveyTimerRow.EXPIRY, event.seq());
            default -> {
            }
        }
        if (!event.is(touchpoint.chat.EventType.BOT_ANSWERED)) {
            // Anything after a bot answer means the conversation did not go idle on it.
            timers.deleteByConversationIdAndKindAndRefSeqLessThan(id, SurveyTimerRow.IDLE, event.seq());
        }
    }

    List<SurveyTimerRow> due(Instant now) {
        return timers.findByDueAtLessThanEqualsOrderByDueAt(now);
    }

    void done(SurveyTimerRow timer) {
        timers.delete(timer);
    }

    private void set(String conversationId, String kind, String questionId, long seq, Instant due) {
        var existing = timers.findByConversationIdAndKind(conversationId, kind);
        if (existing.isPresent()) {
            if (existing.get().refSeq() >= seq) {
                return;
            }
            timers.update(new SurveyTimerRow(existing.get().id(), conversationId, kind, questionId, seq, due));
        } else {
            timers.save(new SurveyTimerRow(null, conversationId, kind, questionId, seq, due));
        }
    }
}
