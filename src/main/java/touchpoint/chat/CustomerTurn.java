package touchpoint.chat;

/**
 * A customer message just stored, inside the conversation's lock: handlers read the state and append replies.
 */
public record CustomerTurn(Transcript.Session session, TranscriptEvent message) {

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
