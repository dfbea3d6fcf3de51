package touchpoint.knowledge.llm;

import dev.langchain4j.model.chat.ChatModel;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way features talk to the language model: fill a prompt template from {@code prompts/} and get
 * the completion, or nothing when no model is configured, it fails or it is too slow. Callers always have
 * a non-LLM way to continue.
 */
@Singleton
public class Llm {

    private static final Logger LOG = LoggerFactory.getLogger(Llm.class);

    private final ChatModel model;
    private final PromptTemplates prompts;
    private final Duration timeout;
    // Daemon threads: a hung provider must never keep the process alive.
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "llm-call");
        t.setDaemon(true);
        return t;
    });

    @Inject
    public Llm(LlmConfig config, Optional<ChatModel> model) {
        this(model.orElse(null), new PromptTemplates(Path.of(config.promptsDir())), config.timeout());
    }

    /** @param model null when no provider is configured */
    public Llm(ChatModel model, PromptTemplates prompts, Duration timeout) {
        this.model = model;
        this.prompts = prompts;
        this.timeout = timeout;
    }

    /** A model configured with {@link LlmConfig} directly, without dependency injection. */
    public static Llm of(LlmConfig config) {
        ChatModel model = config.provider() == LlmProvider.NONE ? null : LlmFactory.create(config);
        return new Llm(model, new PromptTemplates(Path.of(config.promptsDir())), config.timeout());
    }

    public boolean enabled() {
        return model != null;
    }

    /**
     * Completes the prompt template {@code promptName} (e.g. {@code handoff-summary}) with {@code vars}.
     *
     * @return the model's reply, or empty when disabled, the template is missing, or the call fails or times out
     */
    public Optional<String> complete(String promptName, Map<String, String> vars) {
        if (model == null) {
            return Optional.empty();
        }
        Optional<String> prompt;
        try {
            prompt = prompts.render(promptName, vars);
        } catch (RuntimeException e) {
            LOG.warn("Prompt {} could not be filled: {}", promptName, e.getMessage());
            return Optional.empty();
        }
        if (prompt.isEmpty()) {
            LOG.warn("No prompt template named {}", promptName);
            return Optional.empty();
        }
        CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> model.chat(prompt.get()), calls);
        try {
            String reply = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return reply == null || reply.isBlank() ? Optional.empty() : Optional.of(reply.strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return Optional.empty();
        } catch (Exception e) {
            call.cancel(true);
            LOG.warn("LLM call for {} failed ({}); continuing without it", promptName, e.toString());
            return Optional.empty();
        }
    }
}
