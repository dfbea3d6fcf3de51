package touchpoint.knowledge.retrieval;

/** Which in-process embedding model(s) rank the FAQs. */
public enum EmbeddingChoice {
    /** bge-small-en-v1.5 alone. */
    BGE,
    /** all-MiniLM-L6-v2 alone: half the encoder time, a few points less accurate. */
    MINILM,
    /** Both, concatenated into one vector. */
    BOTH,
    /**
     * MiniLM first; when its top FAQ's confidence reaches {@code cascade-confidence}, that ranking stands,
     * otherwise BGE ranks the question. BGE's accuracy at little more than MiniLM's cost for most questions.
     */
    CASCADE
}
