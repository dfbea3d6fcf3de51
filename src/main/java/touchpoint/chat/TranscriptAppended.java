package touchpoint.chat;

/**
 * Published in-process after the transaction that stored {@code event} committed. Features react to the transcript
 * through this (surveys, analytics, routing).
 *
 * @param conversation the conversation's row after the write
 * @param state the conversation's state after the write (all of its events, not only up to this one), so a listener
 *     can tell whether it has anything to do without reading the log again; read it, never apply events to it
 */
public record TranscriptAppended(TranscriptEvent event, ConversationSummary conversation, ConversationState state) {
}
