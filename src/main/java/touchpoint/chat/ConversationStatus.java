package touchpoint.chat;

/** Who owns the conversation; derived from the transcript, never set directly. */
public enum ConversationStatus {
    BOT, WAITING_FOR_AGENT, WITH_AGENT, RESOLVED;

    /** The bot answers only while it owns the conversation; a waiting or owned conversation belongs to people. */
    public boolean botMaySpeak() {
        return this == BOT || this == RESOLVED;
    }
}
