package touchpoint.chat;

import java.util.List;

/**
 * A read model another feature keeps in step with the log inside the write's transaction, for state it must
 * query under the same lock (the hand-off queue: who waits, who holds how many conversations). It must be a
 * function of the events alone, so it can be rebuilt from the log at any time.
 */
public interface TranscriptProjection {

    /**
     * Folds one just-appended event into the read model; runs in the appending transaction, right after the event
     * is stored, so the rest of the write already sees it.
     */
    default void apply(Transcript.Session session, TranscriptEvent event) {
    }

    /**
     * Folds everything a write appended at once, after the writer returned and before the commit, with the session's
     * state after the whole write. A read model nothing in the write itself queries can fold here: a customer's turn
     * appends two or three events, and one statement for all of them costs a third of one per event.
     *
     * @param appended the events the write stored, in order; never empty
     */
    default void applyWrite(Transcript.Session session, List<TranscriptEvent> appended) {
    }
}
