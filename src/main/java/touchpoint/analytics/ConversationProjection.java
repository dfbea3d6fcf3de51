package touchpoint.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import touchpoint.chat.ConversationSummary;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.TranscriptEvent;

/**
 * A conversation's analytics rows as a pure function of its transcript. Pure so the projection is idempotent:
 * listeners may see events twice or slightly out of order, and any rebuild converges on the same rows.
 */
record ConversationProjection(ConversationFactRow fact, List<SurveyAnswerRow> surveys, List<AnswerRow> answers,
                              List<GapQuestionRow> gaps) {

    static final String FALLBACK = "fallback";
    static final String THUMBS_DOWN = "thumbs_down";
    static final String HANDOFF = "handoff";
    /**
     * The projection's rules. Raise it when they change what a row holds: the reconciler re-projects every row of
     * an older version from its log, however old the conversation, so the new figures reach past conversations.
     * 2: the conversation's channel.
     */
    static final int VERSION = 2;

    static ConversationProjection of(ConversationSummary conversation, List<TranscriptEvent> events) {
        Builder b = new Builder(conversation);
        events.forEach(b::apply);
        return b.build();
    }

    private static final class Builder {
        private final ConversationSummary conversation;
        private Instant startedAt;
        private Instant firstCustomerAt;
        private Instant handoffAt;
        private Instant firstHumanReplyAt;
        /** The customer's latest message not yet replied to by the bot or a person. */
        private Instant awaitingReplySince;
        private int botReplies;
        private long botReplyMsTotal;
        private int customerMessages;
        private String firstQuestion;
        private String lastCustomerText;
        private boolean escalated;
        private String handoffReason;
        private boolean resolved;
        private boolean resolvedByPerson;
        private boolean personJoined;
        private Instant resolvedAt;
        private String agentId;
        private String team;
        private String lastFaqId;
        private String lastBotQuestion;
        private Integer ces;
        private Integer csat;
        private String csatComment;
        private Integer nps;
        private long lastSeq;
        private final List<SurveyAnswerRow> surveys = new ArrayList<>();
        private final Map<Long, AnswerRow> answers = new LinkedHashMap<>();
        /** Keyed by the normalised question, so one question that fell back and then was handed off counts once. */
        private final Map<String, GapQuestionRow> gaps = new LinkedHashMap<>();

        Builder(ConversationSummary conversation) {
            this.conversation = conversation;
        }

        void apply(TranscriptEvent e) {
            lastSeq = Math.max(lastSeq, e.seq());
            if (startedAt == null) {
                startedAt = e.createdAt();
            }
            switch (e.type()) {
                case CUSTOMER_ASKED -> {
                    customerMessages++;
                    if (firstCustomerAt == null) {
                        firstCustomerAt = e.createdAt();
                    }
                    if (firstQuestion == null) {
                        firstQuestion = e.text();
                    }
                    lastCustomerText = e.text();
                    awaitingReplySince = e.createdAt();
                }
                case BOT_ANSWERED -> {
                    botReplied(e);
                    lastFaqId = e.faqId();
                    lastBotQuestion = question(e).orElse(lastBotQuestion);
                    if (e.faqId() != null) {
                        answers.put(e.seq(), new AnswerRow(null, e.conversationId(), e.seq(), e.faqId(),
                                question(e).orElse(null), e.confidence(), null, e.createdAt()));
                    }
                }
                case BOT_SMALL_TALK -> {
                    botReplied(e);
                    // "hi" is not what the conversation was about: the export's first question is the next one.
                    if (firstQuestion != null && firstQuestion.equals(lastCustomerText)) {
                        firstQuestion = null;
                    }
                }
                case BOT_CLARIFIED -> {
                    botReplied(e);
                    lastBotQuestion = question(e).orElse(lastBotQuestion);
                }
                case BOT_FELL_BACK -> {
                    botReplied(e);
                    lastBotQuestion = question(e).orElse(lastBotQuestion);
                    gap(e, question(e).orElse(lastCustomerText), FALLBACK, e.data(EventData.BotReply.class)
                            .map(r -> String.join(",", r.candidates())).orElse(null), null);
                }
                // A service-recovery follow-up comes after the conversation: it neither answers a wait nor makes its
                // author the conversation's agent (the scores stay with the agent who served the customer).
                case AGENT_REPLIED -> {
                    if (e.data(EventData.AgentReplied.class).map(r -> r.recoveryTaskId() != null).orElse(false)) {
                        break;
                    }
                    awaitingReplySince = null;
                    if (handoffAt != null && firstHumanReplyAt == null) {
                        firstHumanReplyAt = e.createdAt();
                    }
                    Optional<EventData.AgentReplied> reply = e.data(EventData.AgentReplied.class);
                    agentId = reply.map(EventData.AgentReplied::agentId).orElse(agentId);
                    // The agent console tags FAQ answers with faqId: the conversation ended on that FAQ.
                    lastFaqId = reply.map(EventData.AgentReplied::faqId).orElse(lastFaqId);
                }
                case ANSWER_RATED -> {
                    Optional<EventData.AnswerRated> rating = e.data(EventData.AnswerRated.class);
                    boolean helpful = rating.map(EventData.AnswerRated::helpful).orElse(false);
                    Long seq = rating.map(EventData.AnswerRated::messageSeq).orElse(null);
                    AnswerRow rated = seq == null ? null : answers.get(seq);
                    if (rated != null) {
                        answers.put(seq, rated.rated(helpful));
                    }
                    if (!helpful) {
                        String question = rated != null && rated.question() != null ? rated.question() : lastBotQuestion;
                        gap(e, question, THUMBS_DOWN, null, rating.map(EventData.AnswerRated::faqId).orElse(null));
                    }
                }
                case HANDOFF_REQUESTED -> {
                    handedOff(e);
                    if (!escalated) {
                        handoffReason = e.data(EventData.HandoffRequested.class).map(EventData.HandoffRequested::reason).orElse(null);
                    }
                    escalated = true;
                    team = e.data(EventData.HandoffRequested.class).map(EventData.HandoffRequested::team).orElse(team);
                    gap(e, lastBotQuestion != null ? lastBotQuestion : lastCustomerText, HANDOFF, null, null);
                }
                case CONVERSATION_TRANSFERRED -> team = e.data(EventData.ConversationTransferred.class)
                        .map(EventData.ConversationTransferred::team).orElse(team);
                case AGENT_ASSIGNED -> {
                    handedOff(e);
                    agentId = e.data(EventData.AgentAssigned.class).map(EventData.AgentAssigned::agentId).orElse(agentId);
                }
                case AGENT_JOINED -> {
                    handedOff(e);
                    personJoined = true;
                    agentId = e.data(EventData.AgentJoined.class).map(EventData.AgentJoined::agentId).orElse(agentId);
                }
                case CONVERSATION_RESOLVED -> {
                    if (!resolved) {
                        resolved = true;
                        resolvedAt = e.createdAt();
                        resolvedByPerson = personJoined || resolver(e).isPresent();
                    }
                    agentId = resolver(e).orElse(agentId);
                }
                // Messages written while a person had the conversation were theirs to answer, not the bot's.
                case BOT_RESUMED -> awaitingReplySince = null;
                case SURVEY_ANSWERED -> e.data(EventData.SurveyAnswered.class).ifPresent(a -> survey(e, a));
                default -> {
                }
            }
        }

        private static Optional<String> question(TranscriptEvent e) {
            return e.data(EventData.BotReply.class).map(EventData.BotReply::question);
        }

        private static Optional<String> resolver(TranscriptEvent e) {
            return e.data(EventData.ConversationResolved.class).map(EventData.ConversationResolved::agentId);
        }

        /** A bot reply to the customer's latest message; a second reply to the same message is not another wait. */
        private void botReplied(TranscriptEvent e) {
            if (awaitingReplySince != null) {
                botReplies++;
                botReplyMsTotal += Math.max(0, Duration.between(awaitingReplySince, e.createdAt()).toMillis());
                awaitingReplySince = null;
            }
        }

        /**
         * The moment the customer starts waiting for a person: the first hand-off request, or the first assignment
         * or join when a person took the conversation without one.
         */
        private void handedOff(TranscriptEvent e) {
            if (handoffAt == null) {
                handoffAt = e.createdAt();
            }
            awaitingReplySince = null;
        }

        private void survey(TranscriptEvent e, EventData.SurveyAnswered a) {
            String type = a.type() == null ? "" : a.type();
            int score = a.score();
            surveys.add(new SurveyAnswerRow(null, e.conversationId(), e.seq(), a.questionId() != null ? a.questionId() : type.toLowerCase(Locale.ROOT),
                    type, score, a.comment(), a.agentId(),
                    a.lastFaqId(), a.touchpoint() != null ? a.touchpoint() : conversation.touchpoint(), e.createdAt()));
            switch (type) {
                case "CES" -> ces = score;
                case "CSAT" -> {
                    csat = score;
                    csatComment = a.comment();
                }
                case "NPS" -> nps = score;
                default -> {
                }
            }
        }

        private void gap(TranscriptEvent e, String question, String reason, String candidates, String rejected) {
            if (question == null || question.isBlank()) {
                return;
            }
            // Erased questions cannot be told apart any more: each keeps its own row, so the count does not shrink.
            String key = EventData.ERASED.equals(question) ? "#" + e.seq()
                    : question.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            GapQuestionRow existing = gaps.get(key);
            if (existing == null) {
                gaps.put(key, new GapQuestionRow(null, e.conversationId(), e.seq(), question.strip(), reason, candidates, rejected, e.createdAt()));
            } else if (!List.of(existing.reasons().split(",")).contains(reason)) {
                gaps.put(key, new GapQuestionRow(null, existing.conversationId(), existing.seq(), existing.question(),
                        existing.reasons() + "," + reason, existing.candidates() != null ? existing.candidates() : candidates,
                        existing.rejectedFaqId() != null ? existing.rejectedFaqId() : rejected, existing.askedAt()));
            }
        }

        ConversationProjection build() {
            Instant started = startedAt != null ? startedAt : conversation.createdAt();
            ConversationFactRow fact = new ConversationFactRow(conversation.id(), conversation.touchpoint(), started,
                    LocalDate.ofInstant(started, ZoneOffset.UTC), firstCustomerAt, customerMessages, firstQuestion,
                    escalated, handoffReason, resolved, resolvedByPerson, resolvedAt, agentId, team, lastFaqId, ces, csat, csatComment,
                    nps, lastSeq, handoffAt, firstHumanReplyAt, botReplies, botReplyMsTotal, VERSION,
                    conversation.channelId(), conversation.channelType());
            return new ConversationProjection(fact, List.copyOf(surveys), List.copyOf(answers.values()), List.copyOf(gaps.values()));
        }
    }
}
