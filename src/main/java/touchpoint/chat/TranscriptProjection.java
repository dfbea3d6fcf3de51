package touchpoint.chat;

/**
 * A read model another feature keeps in step with the log inside the write's transaction, for state it must
 * query under the same lock (the hand-off queue: who waits, who holds how many conversations). It must be a
 * function of the events alone, so it can be rebuilt from the log at any time.
 */
public interface TranscriptProjection {

    /** Folds one just-appended event into the read model; runs in the appending transaction. */
    void apply(Transcript.Session session, TranscriptEvent event);
}
