package touchpoint.chat;

import static touchpoint.chat.Author.AGENT;
import static touchpoint.chat.Author.BOT;
import static touchpoint.chat.Author.CUSTOMER;
import static touchpoint.chat.Author.SYSTEM;

/**
 * The transcript's vocabulary. Each event has one author and one way of being shown; the conversation's
 * state is a fold over these (see {@link ConversationState}).
 */
public enum EventType {
    CONVERSATION_STARTED(SYSTEM, Kind.EVENT),
    BOT_GREETED(BOT, Kind.TEXT),
    CUSTOMER_ASKED(CUSTOMER, Kind.TEXT),
    BOT_ANSWERED(BOT, Kind.ANSWER),
    BOT_CLARIFIED(BOT, Kind.CLARIFY),
    BOT_FELL_BACK(BOT, Kind.FALLBACK),
    /** A reply in kind to a greeting, thanks or goodbye; data {@code intent}. */
    BOT_SMALL_TALK(BOT, Kind.TEXT),
    SYSTEM_NOTICE(SYSTEM, Kind.EVENT),
    HANDOFF_REQUESTED(SYSTEM, Kind.EVENT),
    AGENT_ASSIGNED(SYSTEM, Kind.EVENT),
    AGENT_JOINED(SYSTEM, Kind.EVENT),
    AGENT_REPLIED(AGENT, Kind.TEXT),
    CONVERSATION_TRANSFERRED(SYSTEM, Kind.EVENT),
    BOT_RESUMED(SYSTEM, Kind.EVENT),
    CONVERSATION_RESOLVED(SYSTEM, Kind.EVENT),
    OFFLINE_MESSAGE_LEFT(CUSTOMER, Kind.TEXT),
    SURVEY_ASKED(BOT, Kind.SURVEY),
    SURVEY_ANSWERED(CUSTOMER, Kind.EVENT),
    SURVEY_SKIPPED(CUSTOMER, Kind.EVENT),
    SURVEY_EXPIRED(SYSTEM, Kind.EVENT),
    ANSWER_RATED(CUSTOMER, Kind.EVENT);

    private final Author author;
    private final Kind kind;

    EventType(Author author, Kind kind) {
        this.author = author;
        this.kind = kind;
    }

    public Author author() {
        return author;
    }

    public Kind kind() {
        return kind;
    }
}
