package touchpoint.knowledge.llm;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings under {@code touchpoint.llm} (env: {@code TOUCHPOINT_LLM_PROVIDER}, {@code TOUCHPOINT_LLM_BASE_URL}, ...).
 *
 * @param provider none (default), openai (or any OpenAI-compatible server) or ollama
 * @param baseUrl e.g. {@code https://api.openai.com/v1} or {@code http://localhost:11434}
 * @param timeout how long a reply may take before the bot answers from retrieval alone
 * @param promptsDir directory of prompt templates; missing files fall back to the built-in copies
 * @param maxConcurrent calls in flight at once. The bot answers inside the conversation's transaction, so every call
 *     in flight holds a database connection; beyond this many, answers are worded from retrieval at once instead of
 *     queueing for the model. A call that timed out keeps its slot until the provider really lets go of it.
 */
@ConfigurationProperties("touchpoint.llm")
public record LlmConfig(
        @Bindable(defaultValue = "NONE") LlmProvider provider,
        @Nullable String baseUrl,
        @Nullable String model,
        @Nullable String apiKey,
        @Bindable(defaultValue = "10s") Duration timeout,
        @Bindable(defaultValue = "prompts") String promptsDir,
        @Bindable(defaultValue = "8") int maxConcurrent) {
}
