package touchpoint.chat;

import java.util.List;

/**
 * Published in-process after the transaction that stored {@code event} committed. Features react to the transcript
 * through this (surveys, analytics, routing).
 *
 * @param conversation the conversation's row after the write
 * @param state the conversation's state after the write (all of its events, not only up to this one), so a listener
 *     can tell whether it has anything to do without reading the log again; read it, never apply events to it
 * @param write every event the write stored, in order, {@code event} among them: a listener that only needs a
 *     write's net effect acts once, on its last event ({@link #lastOfWrite()})
 */
public record TranscriptAppended(TranscriptEvent event, ConversationSummary conversation, ConversationState state,
                                 List<TranscriptEvent> write) {

    public TranscriptAppended {
        write = List.copyOf(write);
    }

    /** Whether {@code event} is the last event its write stored. */
    public boolean lastOfWrite() {
        return event.seq() == write.get(write.size() - 1).seq();
    }
}
