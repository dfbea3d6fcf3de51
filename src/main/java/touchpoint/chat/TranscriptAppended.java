package touchpoint.chat;

/**
 * Published in-process after the transaction that stored {@code event} committed, with the state right after it.
 * Features react to the transcript through this (surveys, analytics, routing).
 */
public record TranscriptAppended(TranscriptEvent event, ConversationSummary conversation) {
}
