package touchpoint.survey;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.EventData;
import touchpoint.chat.TranscriptAppended;
import touchpoint.chat.TranscriptEvent;
import touchpoint.handoff.Escalations;
import touchpoint.infra.PiiMasker;

/**
 * Opens a recovery task on a low score (CSAT, CES or NPS at or below its configured maximum) or on a hand-off
 * whose reason is {@code frustration}: a frustrated customer is worth a follow-up however the chat ends.
 */
@Singleton
class RecoveryTriggers {

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryTriggers.class);

    private final RecoveryQueue queue;
    private final SurveyConfig config;

    RecoveryTriggers(RecoveryQueue queue, SurveyConfig config) {
        this.queue = queue;
        this.config = config;
    }

    @EventListener
    void on(TranscriptAppended appended) {
        TranscriptEvent event = appended.event();
        try {
            switch (event.type()) {
                case SURVEY_ANSWERED -> event.data(EventData.SurveyAnswered.class).ifPresent(answer -> lowScore(event, answer));
                case HANDOFF_REQUESTED -> {
                    if (event.data(EventData.HandoffRequested.class).map(h -> Escalations.FRUSTRATION.equals(h.reason())).orElse(false)) {
                        queue.open(event.conversationId(), "frustrated hand-off", null);
                    }
                }
                default -> {
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("recovery trigger failed conversation={} seq={}", event.conversationId(), event.seq(), e);
        }
    }

    private void lowScore(TranscriptEvent event, EventData.SurveyAnswered answer) {
        SurveyType type = SurveyType.valueOf(answer.type());
        int score = answer.score();
        int max = switch (type) {
            case CSAT -> config.recoveryCsatMax();
            case CES -> config.recoveryCesMax();
            case NPS -> config.recoveryNpsMax();
        };
        if (score <= max) {
            // Masked: task lists travel (webhook, helpdesk); the agent opens the conversation for contact details.
            String comment = java.util.Optional.ofNullable(answer.comment()).map(PiiMasker::mask)
                    .map(c -> ": \"" + (c.length() > 200 ? c.substring(0, 200) + "…" : c) + "\"").orElse("");
            queue.open(event.conversationId(), "low " + type.name() + " " + score + comment, answer.agentId());
        }
    }
}
