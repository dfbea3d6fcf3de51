package touchpoint.survey;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.ConversationStatus;
import touchpoint.chat.EventData;
import touchpoint.chat.TranscriptAppended;
import touchpoint.chat.TranscriptEvent;

/**
 * The rules for when a survey starts: after an agent resolves, after a bot answer is confirmed helpful, after
 * a hand-back to the bot, and (by the sweep) when a conversation goes idle right after a bot answer. The sweep
 * also expires questions nobody answered.
 *
 * <p>Listeners run in the thread that committed the transcript write; a failure here must never reach the
 * customer or agent whose request caused the event, so every path logs and carries on.
 */
@Singleton
class SurveyTriggers {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyTriggers.class);

    private final SurveyFlow flow;
    private final SurveyTimers timers;
    private final Clock clock;

    SurveyTriggers(SurveyFlow flow, SurveyTimers timers, Clock clock) {
        this.flow = flow;
        this.timers = timers;
        this.clock = clock;
    }

    @EventListener
    void on(TranscriptAppended appended) {
        TranscriptEvent event = appended.event();
        try {
            if (appended.lastOfWrite()) {
                timers.track(appended);
            }
            switch (event.type()) {
                case CONVERSATION_RESOLVED -> flow.start(event.conversationId(), SurveyRule.RESOLVED, s -> true);
                case ANSWER_RATED -> {
                    if (event.data(EventData.AnswerRated.class).map(EventData.AnswerRated::helpful).orElse(false)) {
                        flow.start(event.conversationId(), SurveyRule.HELPFUL_ANSWER, s -> true);
                    }
                }
                case BOT_RESUMED -> flow.start(event.conversationId(), SurveyRule.HAND_BACK,
                        s -> s.status() == ConversationStatus.BOT);
                // Once a person is on the way, a typed number is meant for them, not for a survey question.
                case HANDOFF_REQUESTED -> flow.closePending(event.conversationId(), "handoff");
                default -> {
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("survey rule failed conversation={} seq={} type={}", event.conversationId(), event.seq(), event.type(), e);
        }
    }

    @Scheduled(fixedDelay = "${touchpoint.survey.sweep-interval:1m}", initialDelay = "${touchpoint.survey.sweep-interval:1m}")
    void scheduledSweep() {
        sweep(clock.instant());
    }

    /** Fires every timer due at {@code now}; returns how many it handled. */
    int sweep(Instant now) {
        int handled = 0;
        for (SurveyTimerRow timer : timers.due(now)) {
            try {
                if (SurveyTimerRow.IDLE.equals(timer.kind())) {
                    // Idle only if the bot's answer is still the last thing in the conversation.
                    flow.start(timer.conversationId(), SurveyRule.IDLE_AFTER_ANSWER, s -> s.lastSeq() == timer.refSeq());
                } else {
                    flow.expire(timer.conversationId(), timer.questionId());
                }
            } catch (RuntimeException e) {
                LOG.warn("survey timer failed conversation={} kind={}", timer.conversationId(), timer.kind(), e);
            }
            timers.done(timer);
            handled++;
        }
        return handled;
    }
}
