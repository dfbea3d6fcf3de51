package touchpoint.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.ConversationNotFound;
import touchpoint.chat.ConversationSummary;
import touchpoint.chat.EventData;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.handoff.Actor;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.NotFound;

/**
 * An agent's follow-up to a customer with a bad experience, sent from the recovery task. It is an agent's message in
 * the conversation's transcript, so it leaves through the conversation's own channel like any agent reply (the
 * widget shows it when the customer returns, email mails it, the API channel sends a {@code message.created}
 * webhook, Telegram sends it to the chat). A widget conversation whose customer's email address is known continues
 * by email first ({@link FollowUpRoutes}), so the follow-up reaches them without their coming back. The draft says
 * which way it will go; the task records who sent what, when and how.
 */
@Singleton
public class RecoveryFollowUps {

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryFollowUps.class);
    /** Long enough for a real apology and a next step; a mail or chat message, not a letter. */
    static final int MAX_TEXT = 4000;
    private static final Pattern LOW_SCORE = Pattern.compile("low (CSAT|CES|NPS) (\\d+)");
    private static final Map<String, Integer> SCALE_MAX = Map.of("CSAT", 5, "CES", 7, "NPS", 10);

    private final RecoveryTaskRepository tasks;
    private final RecoveryFollowUpRepository followUps;
    private final Transcript transcript;
    private final FollowUpNames names;
    private final FollowUpRoutes routes;
    private final SurveyConfig config;
    private final Clock clock;

    RecoveryFollowUps(RecoveryTaskRepository tasks, RecoveryFollowUpRepository followUps, Transcript transcript,
                      @Nullable FollowUpNames names, @Nullable FollowUpRoutes routes, SurveyConfig config, Clock clock) {
        this.tasks = tasks;
        this.followUps = followUps;
        this.transcript = transcript;
        this.names = names;
        this.routes = routes;
        this.config = config;
        this.clock = clock;
    }

    /**
     * What the agent starts from: a greeting with the customer's name if known and the low score, to edit; and how it
     * will reach the customer.
     *
     * @param channelType the conversation's channel now
     * @param deliveredVia how the follow-up will go: {@code web} (shown when the customer comes back to the widget),
     *     {@code email}, or the conversation's channel ({@code api}, {@code telegram}...)
     * @param maskedAddress where the mail goes, masked, when {@code deliveredVia} is {@code email}
     * @param routeNote why it goes that way, when that is worth telling the agent (no address known, no email channel)
     */
    @Serdeable
    public record Draft(String text, @Nullable String customerName, String channelType, String deliveredVia,
                        @Nullable String maskedAddress, @Nullable String routeNote) {
    }

    public Draft draft(long taskId, Actor actor) {
        RecoveryTaskRow task = tasks.findById(taskId).orElseThrow(() -> new NotFound("No recovery task " + taskId));
        ConversationSummary conversation = transcript.conversation(task.conversationId()).orElseThrow(ConversationNotFound::new);
        Optional<String> name = names == null ? Optional.empty() : names.nameOf(task.conversationId());
        FollowUpRoutes.Route route = routes == null ? FollowUpRoutes.Route.of(conversation.channelType()) : routes.plan(task.conversationId());
        return new Draft(template(name.orElse(null), task.reason(), actor.displayName()), name.orElse(null),
                conversation.channelType(), route.deliveredVia(), route.maskedAddress(), route.note());
    }

    static String template(@Nullable String customerName, String reason, @Nullable String agentName) {
        StringBuilder text = new StringBuilder(customerName == null ? "Hello" : "Hello " + customerName).append(",\n\n");
        Matcher low = LOW_SCORE.matcher(reason);
        if (low.find()) {
            text.append("you rated your recent conversation with us ").append(low.group(2)).append(" out of ")
                    .append(SCALE_MAX.get(low.group(1))).append(". I'm sorry we did not help you as we should have.");
        } else {
            text.append("I'm sorry your recent conversation with us was frustrating.");
        }
        text.append(" I'd like to put it right: tell me what is still open and I will take care of it myself.\n\n");
        text.append(agentName == null || agentName.isBlank() ? "Your support team" : agentName.strip() + ", support team");
        return text.toString();
    }

    /**
     * Appends the follow-up to the conversation's transcript (its channel's delivery is written in that same
     * transaction) and records it on the task, all or nothing.
     */
    @Transactional
    public RecoveryTask send(long taskId, Actor actor, @Nullable String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidRequest("text", "must not be empty");
        }
        if (body.length() > MAX_TEXT) {
            throw new InvalidRequest("text", "must be at most " + MAX_TEXT + " characters");
        }
        RecoveryTaskRow task = tasks.findById(taskId).orElseThrow(() -> new NotFound("No recovery task " + taskId));
        ConversationSummary conversation = transcript.conversation(task.conversationId()).orElseThrow(ConversationNotFound::new);
        FollowUpRoutes.Route route = routes == null ? FollowUpRoutes.Route.of(conversation.channelType()) : routes.take(task.conversationId());
        TranscriptEvent sent = transcript.write(task.conversationId(), session -> session.append(
                        NewEvent.of(new EventData.AgentReplied(actor.agentId(), actor.displayName(), null, taskId)).text(body)))
                .orElseThrow(ConversationNotFound::new).value();
        Instant now = clock.instant();
        followUps.save(new RecoveryFollowUpRow(null, taskId, task.conversationId(), actor.agentId(), actor.displayName(), body,
                sent.seq(), now, route.deliveredVia(), route.maskedAddress()));
        RecoveryTaskRow updated = tasks.update(new RecoveryTaskRow(task.id(), task.conversationId(), task.reason(), task.status(),
                task.assignee(), task.agentId(), task.createdAt(), now));
        LOG.info("recovery follow-up sent task={} conversation={} seq={} agent={} via={}", taskId, task.conversationId(), sent.seq(),
                actor.agentId(), route.deliveredVia());
        return RecoveryTask.of(updated, config.recoveryLinkPrefix(), followUps.findByTaskIdInListOrderBySentAt(List.of(taskId)));
    }

    /**
     * An erased conversation's follow-ups keep who sent them, when and which way, not the words (they may name the
     * customer) nor the address.
     */
    @Transactional
    void redact(String conversationId) {
        for (RecoveryFollowUpRow row : followUps.findByConversationId(conversationId)) {
            if (!EventData.ERASED.equals(row.text()) || row.maskedAddress() != null) {
                followUps.update(new RecoveryFollowUpRow(row.id(), row.taskId(), row.conversationId(), row.agentId(),
                        row.agentName(), EventData.ERASED, row.seq(), row.sentAt(), row.deliveredVia(), null));
            }
        }
    }
}
