package touchpoint.knowledge.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** Creates the LangChain4j chat model for the configured provider; no bean when the provider is none. */
@Factory
class LlmFactory {

    // Answers are rephrasings of FAQ text: keep them close to the source.
    private static final double TEMPERATURE = 0.2;

    @Singleton
    @Requires(property = "touchpoint.llm.provider", pattern = "(?i)openai|ollama")
    ChatModel chatModel(LlmConfig config) {
        return create(config);
    }

    static ChatModel create(LlmConfig config) {
        return switch (config.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(config.baseUrl())
                    .apiKey(config.apiKey() == null ? "none" : config.apiKey())
                    .modelName(config.model() == null ? "gpt-4o-mini" : config.model())
                    .temperature(TEMPERATURE)
                    .timeout(config.timeout())
                    .maxRetries(0)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(config.baseUrl() == null ? "http://localhost:11434" : config.baseUrl())
                    .modelName(config.model() == null ? "llama3.2" : config.model())
                    .temperature(TEMPERATURE)
                    .timeout(config.timeout())
                    .maxRetries(0)
                    .build();
            case NONE -> throw new IllegalStateException("no chat model when touchpoint.llm.provider is none");
        };
    }
}
