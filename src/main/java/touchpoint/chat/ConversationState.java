package touchpoint.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A conversation's state, derived only by replaying its transcript. {@link #apply} is the one place
 * where state changes, so the stored log and the state can never disagree.
 */
public final class ConversationState {

    private final String conversationId;
    private ConversationStatus status = ConversationStatus.BOT;
    private long lastSeq;
    private String agentId;
    private String team;
    private int consecutiveFallbacks;
    private int thumbsDown;
    private String lastAnsweredFaqId;
    private long lastAnswerSeq;
    private String lastQuestion;
    private List<String> lastCandidates = List.of();
    private final Set<String> rejectedFaqIds = new LinkedHashSet<>();
    private List<Option> pendingClarify = List.of();
    private final List<String> customerQuestions = new ArrayList<>();
    private final Set<String> surveysAsked = new LinkedHashSet<>();
    private final Set<String> surveysClosed = new LinkedHashSet<>();
    private String pendingSurveyQuestion;
    private boolean everHandedOff;
    private Instant lastActivityAt;
    private String contactId;
    private Long lastRedactionSeq;

    private ConversationState(String conversationId) {
        this.conversationId = conversationId;
    }

    public static ConversationState replay(String conversationId, List<TranscriptEvent> events) {
        ConversationState state = new ConversationState(conversationId);
        for (TranscriptEvent event : events) {
            state.apply(event);
        }
        return state;
    }

    /** Folds one more event into the state; events must arrive in sequence order. */
    public ConversationState apply(TranscriptEvent event) {
        if (event.seq() != lastSeq + 1) {
            throw new IllegalStateException("transcript gap in " + conversationId + ": expected seq " + (lastSeq + 1) + " got " + event.seq());
        }
        lastSeq = event.seq();
        lastActivityAt = event.createdAt();
        switch (event.type()) {
            case CUSTOMER_ASKED -> {
                // A pending clarify survives the customer's reply: the next handler needs it to read the choice.
                customerQuestions.add(event.text());
                if (status == ConversationStatus.RESOLVED) {
                    // Writing again after resolution reopens the conversation with the bot.
                    status = ConversationStatus.BOT;
                    agentId = null;
                }
            }
            case BOT_ANSWERED -> {
                pendingClarify = List.of();
                consecutiveFallbacks = 0;
                question(event);
                lastAnsweredFaqId = event.faqId();
                lastAnswerSeq = event.seq();
                lastCandidates = event.data(EventData.BotReply.class).map(EventData.BotReply::candidates).orElse(List.of());
            }
            case BOT_CLARIFIED -> {
                pendingClarify = event.options();
                question(event);
                lastCandidates = event.data(EventData.BotReply.class).map(EventData.BotReply::candidates).orElse(List.of());
            }
            case BOT_FELL_BACK -> {
                pendingClarify = List.of();
                consecutiveFallbacks++;
                question(event);
            }
            case HANDOFF_REQUESTED -> {
                pendingClarify = List.of();
                status = ConversationStatus.WAITING_FOR_AGENT;
                everHandedOff = true;
                consecutiveFallbacks = 0;
                thumbsDown = 0;
                team = event.data(EventData.HandoffRequested.class).map(EventData.HandoffRequested::team).orElse(team);
            }
            case AGENT_ASSIGNED -> agentId = event.data(EventData.AgentAssigned.class).map(EventData.AgentAssigned::agentId).orElse(agentId);
            case AGENT_JOINED -> {
                status = ConversationStatus.WITH_AGENT;
                agentId = event.data(EventData.AgentJoined.class).map(EventData.AgentJoined::agentId).orElse(agentId);
            }
            case CONVERSATION_TRANSFERRED -> {
                status = ConversationStatus.WAITING_FOR_AGENT;
                agentId = null;
                team = event.data(EventData.ConversationTransferred.class).map(EventData.ConversationTransferred::team).orElse(team);
            }
            case BOT_RESUMED -> {
                status = ConversationStatus.BOT;
                agentId = null;
                consecutiveFallbacks = 0;
                thumbsDown = 0;
            }
            case CONVERSATION_RESOLVED -> {
                status = ConversationStatus.RESOLVED;
                // A customer who reopens a resolved conversation starts afresh: their first thumbs-down must not
                // escalate again on the strength of ratings a person has already dealt with.
                thumbsDown = 0;
            }
            case SURVEY_ASKED -> {
                String questionId = event.survey().questionId();
                surveysAsked.add(questionId);
                pendingSurveyQuestion = questionId;
            }
            case SURVEY_ANSWERED, SURVEY_SKIPPED, SURVEY_EXPIRED -> {
                surveyClosed(event.data()).ifPresent(surveysClosed::add);
                pendingSurveyQuestion = surveysAsked.stream().filter(q -> !surveysClosed.contains(q)).reduce((a, b) -> b).orElse(null);
            }
            case ANSWER_RATED -> {
                if (event.data() instanceof EventData.AnswerRated rated && !rated.helpful()) {
                    thumbsDown++;
                    if (rated.faqId() != null) {
                        rejectedFaqIds.add(rated.faqId());
                    }
                }
            }
            case TRANSCRIPT_REDACTED -> lastRedactionSeq = event.seq();
            case CONTACT_IDENTIFIED -> contactId = event.data(EventData.ContactIdentified.class)
                    .map(EventData.ContactIdentified::contactId).orElse(contactId);
            default -> {
                // Greeting, notices, agent replies and offline messages do not change who owns the conversation.
            }
        }
        return this;
    }

    /** A new question starts afresh; retrying the same question keeps the answers already rejected. */
    private void question(TranscriptEvent event) {
        String question = event.data(EventData.BotReply.class).map(EventData.BotReply::question).orElse(null);
        if (question == null) {
            return;
        }
        if (!question.equals(lastQuestion)) {
            rejectedFaqIds.clear();
        }
        lastQuestion = question;
    }

    private static Optional<String> surveyClosed(EventData data) {
        if (data instanceof EventData.SurveyAnswered answered) {
            return Optional.ofNullable(answered.questionId());
        }
        if (data instanceof EventData.SurveySkipped skipped) {
            return Optional.ofNullable(skipped.questionId());
        }
        if (data instanceof EventData.SurveyExpired expired) {
            return Optional.ofNullable(expired.questionId());
        }
        return Optional.empty();
    }

    public String conversationId() {
        return conversationId;
    }

    public ConversationStatus status() {
        return status;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public Optional<String> agentId() {
        return Optional.ofNullable(agentId);
    }

    public Optional<String> team() {
        return Optional.ofNullable(team);
    }

    public int consecutiveFallbacks() {
        return consecutiveFallbacks;
    }

    /**
     * Answers rated unhelpful since a person last had the conversation: since the last hand-off request, hand-back
     * or resolution. What the repeated-thumbs-down rule counts.
     */
    public int thumbsDown() {
        return thumbsDown;
    }

    public Optional<String> lastAnsweredFaqId() {
        return Optional.ofNullable(lastAnsweredFaqId);
    }

    public long lastAnswerSeq() {
        return lastAnswerSeq;
    }

    public Optional<String> lastQuestion() {
        return Optional.ofNullable(lastQuestion);
    }

    public List<String> lastCandidates() {
        return lastCandidates;
    }

    public Set<String> rejectedFaqIds() {
        return Collections.unmodifiableSet(rejectedFaqIds);
    }

    public List<Option> pendingClarify() {
        return pendingClarify;
    }

    public List<String> customerQuestions() {
        return Collections.unmodifiableList(customerQuestions);
    }

    public Set<String> surveysAsked() {
        return Collections.unmodifiableSet(surveysAsked);
    }

    public Set<String> surveysClosed() {
        return Collections.unmodifiableSet(surveysClosed);
    }

    public Optional<String> pendingSurveyQuestion() {
        return Optional.ofNullable(pendingSurveyQuestion);
    }

    public boolean everHandedOff() {
        return everHandedOff;
    }

    public Optional<Instant> lastActivityAt() {
        return Optional.ofNullable(lastActivityAt);
    }

    /** The customer this conversation belongs to, once they were identified; empty while anonymous. */
    public Optional<String> contactId() {
        return Optional.ofNullable(contactId);
    }

    /** The sequence number of the last TRANSCRIPT_REDACTED, if the transcript was ever redacted. */
    public Optional<Long> lastRedactionSeq() {
        return Optional.ofNullable(lastRedactionSeq);
    }
}
