package touchpoint.chat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The facts an event carries besides its text, captured when it happened: one record per event type. The
 * stored event type is the discriminator (see {@link EventType#dataType()}), so the JSON needs no type tag and
 * a record can only ever be attached to the type it belongs to ({@link NewEvent#of(EventData)}).
 *
 * <p>Lists are always present (empty when there is nothing); absent optional facts are null and left out of
 * the JSON.
 */
public sealed interface EventData {

    /** The one event type this record belongs to, as {@link EventType} declares it. */
    @JsonIgnore
    default EventType eventType() {
        return EventType.carrying(getClass());
    }

    /** What a redacted event keeps and shows in place of personal text. */
    String ERASED = "[erased]";

    /**
     * The record without what the customer wrote or who they are (questions, comments, addresses): what stays of
     * the event after an erasure. Facts that count (FAQ ids, scores, reasons) stay, so totals do not change.
     */
    default EventData redacted() {
        return this;
    }

    /** An event about the bot's attempt at a question: the question it worked on and the FAQs it weighed. */
    sealed interface BotReply extends EventData {
        @Nullable
        String question();

        /** The FAQ ids considered, best first. */
        List<String> candidates();
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConversationStarted(@Nullable String touchpoint, @Nullable String locale) implements EventData {
    }

    /**
     * @param title the answered FAQ's title, shown with the answer
     * @param cited FAQ ids the answer's text draws on
     * @param chosen the customer picked this FAQ from a clarify question
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BotAnswered(@Nullable String title, @Nullable String question, List<String> candidates, List<String> cited,
                       boolean chosen) implements BotReply {
        public BotAnswered {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
            cited = cited == null ? List.of() : List.copyOf(cited);
        }

        @Override
        public EventData redacted() {
            return new BotAnswered(title, null, candidates, cited, chosen);
        }
    }

    /** @param confidence the top candidate's */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BotClarified(@Nullable String question, List<String> candidates, @Nullable Double confidence) implements BotReply {
        public BotClarified {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
        }

        @Override
        public EventData redacted() {
            return new BotClarified(null, candidates, confidence);
        }
    }

    /** @param confidence the top candidate's, too low to answer with */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BotFellBack(@Nullable String question, List<String> candidates, @Nullable Double confidence) implements BotReply {
        public BotFellBack {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
        }

        @Override
        public EventData redacted() {
            return new BotFellBack(null, candidates, confidence);
        }
    }

    /** @param intent greeting, thanks, acknowledgement, goodbye, identity or help */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BotSmallTalk(String intent) implements EventData {
    }

    /**
     * A notice to the customer. {@code notice} names which one (the widget keys on it); the queue notice carries
     * the position and expected wait, and a notice that offers the offline form says so in {@code offlineMessage}.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SystemNotice(String notice, @Nullable String team, @Nullable Integer position, @Nullable Long expectedMinutes,
                        boolean offlineMessage) implements EventData {

        public static final String OFFER_PERSON = "offer_person";
        public static final String SURVEY_THANKS = "survey_thanks";
        public static final String SURVEY_OUT_OF_RANGE = "survey_out_of_range";
        public static final String NO_AGENT_ONLINE = "no_agent_online";
        public static final String QUEUE = "queue";
        public static final String OFFLINE_MESSAGE_RECEIVED = "offline_message_received";
        public static final String OUTSIDE_HOURS = "outside_hours";

        /** A notice that is only its name. */
        public static SystemNotice of(String notice) {
            return new SystemNotice(notice, null, null, null, false);
        }

        /** Nobody of {@code team} is online: the customer is offered the offline form. */
        public static SystemNotice noAgentOnline(String team) {
            return new SystemNotice(NO_AGENT_ONLINE, team, null, null, true);
        }

        /** The team is outside its opening hours (the text says when it is back): the customer is offered the offline form. */
        public static SystemNotice outsideHours(String team) {
            return new SystemNotice(OUTSIDE_HOURS, team, null, null, true);
        }

        public static SystemNotice queue(String team, int position, long expectedMinutes) {
            return new SystemNotice(QUEUE, team, position, expectedMinutes, false);
        }
    }

    /** @param reason why the hand-off happened (customer_request, repeated_fallback, frustration...) */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HandoffRequested(@Nullable String reason, @Nullable String team) implements EventData {
    }

    /** @param via auto, claim or transfer */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgentAssigned(String agentId, @Nullable String team, @Nullable String via) implements EventData {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgentJoined(String agentId, @Nullable String agentName) implements EventData {
    }

    /**
     * @param faqId the FAQ the agent answered with, when the reply was tagged with one
     * @param recoveryTaskId the service-recovery task this message follows up, when it is one: written after the
     *                       conversation, it is not the conversation's agent nor a reply to a waiting customer
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgentReplied(String agentId, @Nullable String agentName, @Nullable String faqId, @Nullable Long recoveryTaskId)
            implements EventData {

        @io.micronaut.core.annotation.Creator
        public AgentReplied {
        }

        public AgentReplied(String agentId, @Nullable String agentName, @Nullable String faqId) {
            this(agentId, agentName, faqId, null);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConversationTransferred(String team, @Nullable String fromAgentId) implements EventData {
    }

    /** @param agentId who handed the conversation back */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BotResumed(@Nullable String agentId) implements EventData {
    }

    /** @param agentId who resolved it; absent when nobody did in person */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConversationResolved(@Nullable String agentId) implements EventData {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OfflineMessageLeft(String email) implements EventData {
        @Override
        public EventData redacted() {
            return new OfflineMessageLeft(ERASED);
        }
    }

    /** @param rule what started the survey (resolved, helpful_answer, hand_back, idle) */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SurveyAsked(String questionId, String type, @Nullable String rule) implements EventData {
    }

    /**
     * @param type CSAT, CES or NPS
     * @param agentId the agent the score is about, if a person took part
     * @param lastFaqId the FAQ the bot last answered with
     * @param via chat (typed), api (the survey API), or a channel's button or link
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SurveyAnswered(String questionId, String type, int score, @Nullable String comment, @Nullable String agentId,
                          @Nullable String lastFaqId, @Nullable String touchpoint, @Nullable String rule, @Nullable String via)
            implements EventData {
        @Override
        public EventData redacted() {
            return new SurveyAnswered(questionId, type, score, null, agentId, lastFaqId, touchpoint, rule, via);
        }
    }

    /** @param reason skip (pressed or typed), moved_on or handoff */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SurveySkipped(String questionId, @Nullable String type, @Nullable String reason) implements EventData {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SurveyExpired(String questionId, @Nullable String type) implements EventData {
    }

    /**
     * A customer's verdict on one bot answer, by thumbs or by saying it did not help.
     *
     * @param messageSeq the rated answer's sequence number
     * @param via thumbs or text
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AnswerRated(@Nullable String faqId, boolean helpful, long messageSeq, @Nullable String via) implements EventData {

        public static final String VIA_THUMBS = "thumbs";
        public static final String VIA_TEXT = "text";

        /** The one way a rating is written, whichever way the customer gave it. */
        public static NewEvent of(@Nullable String faqId, long answerSeq, boolean helpful, String via) {
            return NewEvent.of(new AnswerRated(faqId, helpful, answerSeq, via));
        }
    }

    /** A private note; its text is the event's text. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NoteAdded(String agentId, @Nullable String agentName) implements EventData {
    }

    /** @param labels the conversation's labels after the change */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LabelsChanged(List<String> added, List<String> removed, List<String> labels, String agentId) implements EventData {
        public LabelsChanged {
            added = added == null ? List.of() : List.copyOf(added);
            removed = removed == null ? List.of() : List.copyOf(removed);
            labels = labels == null ? List.of() : List.copyOf(labels);
        }
    }

    /** A file the customer sent; the bytes are stored beside the log and served by {@code attachmentId}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CustomerAttached(String attachmentId, String contentType, long size, String filename) implements EventData {
        @Override
        public EventData redacted() {
            return new CustomerAttached(attachmentId, contentType, size, ERASED);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgentAttached(String attachmentId, String contentType, long size, String filename, String agentId,
                         @Nullable String agentName) implements EventData {
        @Override
        public EventData redacted() {
            return new AgentAttached(attachmentId, contentType, size, ERASED, agentId, agentName);
        }
    }

    /**
     * The conversation's customer is this contact from here on.
     *
     * @param kind how they were recognised: the identity's kind (SITE_USER, VERIFIED_EMAIL, EXTERNAL_ID,
     *             TELEGRAM_USER, VISITOR) or MERGED when an anonymous visitor's conversations moved to a known contact
     * @param previousContactId the contact the conversation belonged to before, when it moved
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ContactIdentified(String contactId, String kind, @Nullable String previousContactId) implements EventData {
    }

    /** @param reason erasure (the customer's request) or retention (older than the configured days) */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TranscriptRedacted(String reason) implements EventData {
    }
}
