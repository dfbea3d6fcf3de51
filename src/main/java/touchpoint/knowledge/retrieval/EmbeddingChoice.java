package touchpoint.knowledge.retrieval;

/** Which in-process embedding model(s) to use. */
public enum EmbeddingChoice { BGE, MINILM, BOTH }
