package touchpoint.knowledge.llm;

/** Where chat completions come from; {@code NONE} answers with retrieved FAQ text only. */
public enum LlmProvider { NONE, OPENAI, OLLAMA }
