package touchpoint.chat;

import static touchpoint.chat.Author.AGENT;
import static touchpoint.chat.Author.BOT;
import static touchpoint.chat.Author.CUSTOMER;
import static touchpoint.chat.Author.SYSTEM;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The transcript's vocabulary. Each event has one author and one way of being shown; the conversation's
 * state is a fold over these (see {@link ConversationState}). The stored type also says which {@link EventData}
 * record the event's data is.
 */
public enum EventType {
    CONVERSATION_STARTED(SYSTEM, Kind.EVENT, EventData.ConversationStarted.class),
    BOT_GREETED(BOT, Kind.TEXT, null),
    CUSTOMER_ASKED(CUSTOMER, Kind.TEXT, null),
    BOT_ANSWERED(BOT, Kind.ANSWER, EventData.BotAnswered.class),
    BOT_CLARIFIED(BOT, Kind.CLARIFY, EventData.BotClarified.class),
    BOT_FELL_BACK(BOT, Kind.FALLBACK, EventData.BotFellBack.class),
    /** A reply in kind to a greeting, thanks or goodbye. */
    BOT_SMALL_TALK(BOT, Kind.TEXT, EventData.BotSmallTalk.class),
    SYSTEM_NOTICE(SYSTEM, Kind.EVENT, EventData.SystemNotice.class),
    HANDOFF_REQUESTED(SYSTEM, Kind.EVENT, EventData.HandoffRequested.class),
    AGENT_ASSIGNED(SYSTEM, Kind.EVENT, EventData.AgentAssigned.class),
    AGENT_JOINED(SYSTEM, Kind.EVENT, EventData.AgentJoined.class),
    AGENT_REPLIED(AGENT, Kind.TEXT, EventData.AgentReplied.class),
    CONVERSATION_TRANSFERRED(SYSTEM, Kind.EVENT, EventData.ConversationTransferred.class),
    BOT_RESUMED(SYSTEM, Kind.EVENT, EventData.BotResumed.class),
    CONVERSATION_RESOLVED(SYSTEM, Kind.EVENT, EventData.ConversationResolved.class),
    OFFLINE_MESSAGE_LEFT(CUSTOMER, Kind.TEXT, EventData.OfflineMessageLeft.class),
    SURVEY_ASKED(BOT, Kind.SURVEY, EventData.SurveyAsked.class),
    SURVEY_ANSWERED(CUSTOMER, Kind.EVENT, EventData.SurveyAnswered.class),
    SURVEY_SKIPPED(CUSTOMER, Kind.EVENT, EventData.SurveySkipped.class),
    SURVEY_EXPIRED(SYSTEM, Kind.EVENT, EventData.SurveyExpired.class),
    ANSWER_RATED(CUSTOMER, Kind.EVENT, EventData.AnswerRated.class),
    /** The conversation belongs to a known customer from now on (a verified identity, or a merge). */
    CONTACT_IDENTIFIED(SYSTEM, Kind.EVENT, EventData.ContactIdentified.class),
    /** The texts and personal facts of every earlier event were removed (erasure or retention); the events remain. */
    TRANSCRIPT_REDACTED(SYSTEM, Kind.EVENT, EventData.TranscriptRedacted.class);

    private final Author author;
    private final Kind kind;
    private final Class<? extends EventData> dataType;

    EventType(Author author, Kind kind, Class<? extends EventData> dataType) {
        this.author = author;
        this.kind = kind;
        this.dataType = dataType;
    }

    private static final Map<Class<? extends EventData>, EventType> BY_DATA_TYPE = Arrays.stream(values())
            .filter(type -> type.dataType != null)
            .collect(Collectors.toUnmodifiableMap(EventType::dataType, type -> type));

    /** The type whose data is this record; each record belongs to exactly one type. */
    static EventType carrying(Class<? extends EventData> dataType) {
        EventType type = BY_DATA_TYPE.get(dataType);
        if (type == null) {
            throw new IllegalArgumentException(dataType.getSimpleName() + " is the data of no event type");
        }
        return type;
    }

    /** The record this type's data is stored and read as; null for types that carry only text. */
    public Class<? extends EventData> dataType() {
        return dataType;
    }

    public Author author() {
        return author;
    }

    public Kind kind() {
        return kind;
    }
}
