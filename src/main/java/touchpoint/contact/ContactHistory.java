package touchpoint.contact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import touchpoint.chat.ConversationState;
import touchpoint.chat.ConversationSummary;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.survey.RecoveryQueue;
import touchpoint.survey.RecoveryTask;

/**
 * What happened with a contact, read from their conversations' transcripts (the truth) and their recovery
 * tasks: the profile an agent sees next to a conversation, and the journey timeline. No message text is
 * included: an outcome, FAQ ids, scores and reasons say what an agent needs at a glance.
 */
@Singleton
class ContactHistory {

    private final ContactBook book;
    private final Transcript transcript;
    private final RecoveryQueue recovery;

    ContactHistory(ContactBook book, Transcript transcript, RecoveryQueue recovery) {
        this.book = book;
        this.transcript = transcript;
        this.recovery = recovery;
    }

    @Serdeable
    record Score(String type, int score, Instant at) {
    }

    /**
     * @param channel widget, email, api or telegram: how the conversation's customer was recognised
     * @param outcome resolved_by_agent, resolved, with_agent, waiting_for_agent, answered, unanswered or open
     */
    @Serdeable
    record ConversationItem(String id, String touchpoint, String channel, String status, String outcome,
                            Instant startedAt, Instant lastActivityAt, boolean handedOff, boolean redacted,
                            List<String> faqs, List<Score> scores) {
    }

    @Serdeable
    record Profile(Contact contact, List<ConversationItem> conversations, List<RecoveryTask> openRecoveryTasks,
                   List<RecoveryTask> recoveryTasks) {
    }

    /**
     * One step of the journey.
     *
     * @param type conversation_started, faq_answered, fell_back, handed_off, agent_joined, resolved,
     *             survey_answered, answer_rated, recovery_task_opened, recovery_task_done
     * @param detail the FAQ id, the score ("CSAT 2"), the reason; never what anybody wrote
     */
    @Serdeable
    record JourneyStep(Instant at, String type, String conversationId, String touchpoint, String channel,
                       @Nullable String detail) {
    }

    @Serdeable
    record Journey(String contactId, List<JourneyStep> steps) {
    }

    Profile profile(ContactRow contact) {
        List<ConversationItem> items = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (ConversationSummary c : transcript.conversationsOf(contact.id())) {
            items.add(item(c, transcript.events(c.id())));
            ids.add(c.id());
        }
        List<RecoveryTask> tasks = recovery.forConversations(ids);
        List<RecoveryTask> open = tasks.stream().filter(t -> !RecoveryTask.Status.DONE.json().equals(t.status())).toList();
        return new Profile(book.view(contact), items, open, tasks);
    }

    Journey journey(ContactRow contact) {
        List<JourneyStep> steps = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        java.util.Map<String, String[]> where = new java.util.HashMap<>();
        for (ConversationSummary c : transcript.conversationsOf(contact.id())) {
            List<TranscriptEvent> events = transcript.events(c.id());
            String channel = channel(events);
            ids.add(c.id());
            where.put(c.id(), new String[] {c.touchpoint(), channel});
            steps.add(new JourneyStep(c.createdAt(), "conversation_started", c.id(), c.touchpoint(), channel, null));
            for (TranscriptEvent e : events) {
                String type = switch (e.type()) {
                    case BOT_ANSWERED -> "faq_answered";
                    case BOT_FELL_BACK -> "fell_back";
                    case HANDOFF_REQUESTED -> "handed_off";
                    case AGENT_JOINED -> "agent_joined";
                    case CONVERSATION_RESOLVED -> "resolved";
                    case SURVEY_ANSWERED -> "survey_answered";
                    case ANSWER_RATED -> "answer_rated";
                    default -> null;
                };
                if (type != null) {
                    steps.add(new JourneyStep(e.createdAt(), type, c.id(), c.touchpoint(), channel, detail(e)));
                }
            }
        }
        for (RecoveryTask task : recovery.forConversations(ids)) {
            String[] w = where.get(task.conversationId());
            steps.add(new JourneyStep(task.createdAt(), "recovery_task_opened", task.conversationId(), w[0], w[1], task.reason()));
            if (RecoveryTask.Status.DONE.json().equals(task.status())) {
                steps.add(new JourneyStep(task.updatedAt(), "recovery_task_done", task.conversationId(), w[0], w[1], task.assignee()));
            }
        }
        steps.sort(Comparator.comparing(JourneyStep::at));
        return new Journey(contact.id(), steps);
    }

    private static ConversationItem item(ConversationSummary c, List<TranscriptEvent> events) {
        ConversationState state = ConversationState.replay(c.id(), events);
        Set<String> faqs = new LinkedHashSet<>();
        List<Score> scores = new ArrayList<>();
        boolean answered = false;
        boolean fellBack = false;
        boolean resolvedByAgent = false;
        for (TranscriptEvent e : events) {
            switch (e.type()) {
                case BOT_ANSWERED -> {
                    answered = true;
                    if (e.faqId() != null) {
                        faqs.add(e.faqId());
                    }
                }
                case BOT_FELL_BACK -> fellBack = true;
                case SURVEY_ANSWERED -> e.data(EventData.SurveyAnswered.class)
                        .ifPresent(a -> scores.add(new Score(a.type(), a.score(), e.createdAt())));
                case CONVERSATION_RESOLVED -> resolvedByAgent = e.data(EventData.ConversationResolved.class)
                        .map(r -> r.agentId() != null).orElse(false);
                default -> {
                }
            }
        }
        String outcome = switch (state.status()) {
            case RESOLVED -> resolvedByAgent ? "resolved_by_agent" : "resolved";
            case WITH_AGENT -> "with_agent";
            case WAITING_FOR_AGENT -> "waiting_for_agent";
            case BOT -> answered ? "answered" : fellBack ? "unanswered" : "open";
        };
        return new ConversationItem(c.id(), c.touchpoint(), channel(events), state.status().name(), outcome, c.createdAt(),
                c.updatedAt(), state.everHandedOff(), state.lastRedactionSeq().isPresent(), List.copyOf(faqs), scores);
    }

    /** How the customer was first recognised in the conversation. */
    static String channel(List<TranscriptEvent> events) {
        return events.stream().filter(e -> e.type() == EventType.CONTACT_IDENTIFIED)
                .map(e -> e.data(EventData.ContactIdentified.class).map(EventData.ContactIdentified::kind).orElse(""))
                .findFirst()
                .map(kind -> switch (kind) {
                    case "VERIFIED_EMAIL" -> "email";
                    case "EXTERNAL_ID" -> "api";
                    case "TELEGRAM_USER" -> "telegram";
                    default -> "widget";
                })
                .orElse("widget");
    }

    private static String detail(TranscriptEvent e) {
        return switch (e.type()) {
            case BOT_ANSWERED -> e.faqId();
            case HANDOFF_REQUESTED -> e.data(EventData.HandoffRequested.class)
                    .map(h -> h.reason() + (h.team() == null ? "" : " → " + h.team())).orElse(null);
            case SURVEY_ANSWERED -> e.data(EventData.SurveyAnswered.class).map(a -> a.type() + " " + a.score()).orElse(null);
            case ANSWER_RATED -> e.data(EventData.AnswerRated.class)
                    .map(r -> (r.helpful() ? "helpful" : "not helpful") + (r.faqId() == null ? "" : " " + r.faqId())).orElse(null);
            case AGENT_JOINED -> e.data(EventData.AgentJoined.class).map(EventData.AgentJoined::agentName).orElse(null);
            default -> null;
        };
    }
}
