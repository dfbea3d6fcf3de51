package touchpoint.chat;

/**
 * A customer message just stored, inside the conversation's lock: handlers read the state and append replies.
 * {@code prepared} is the bot's answer decided before the lock, if any (see {@link PreparedAnswer}).
 */
public record CustomerTurn(Transcript.Session session, TranscriptEvent message, PreparedAnswer prepared) {

    public CustomerTurn(Transcript.Session session, TranscriptEvent message) {
        this(session, message, PreparedAnswer.NONE);
    }

    public ConversationState state() {
        return session.state();
    }

    public String text() {
        return message.text();
    }

    /** Appends an event that answers this message. */
    public TranscriptEvent reply(NewEvent event) {
        return session.append(event, message.seq());
    }
}
