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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.knowledge.LanguageModel;

/**
 * The one way features talk to the language model: fill a prompt template from {@code prompts/} and get
 * the completion, or nothing when no model is configured, it fails or it is too slow. Callers always have
 * a non-LLM way to continue.
 */
@Singleton
public class Llm implements LanguageModel {

    private static final Logger LOG = LoggerFactory.getLogger(Llm.class);

    private final ChatModel model;
    private final PromptTemplates prompts;
    private final Duration timeout;
    private final Semaphore slots;
    private final int maxSlots;
    // A busy model is reported at most once a minute, not once per customer message.
    private static final long BUSY_WARNING_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private final java.util.concurrent.atomic.AtomicLong lastBusyWarning = new java.util.concurrent.atomic.AtomicLong(
            System.nanoTime() - BUSY_WARNING_EVERY_NANOS - 1);
    // Daemon threads: a hung provider must never keep the process alive.
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "llm-call");
        t.setDaemon(true);
        return t;
    });

    @Inject
    public Llm(LlmConfig config, Optional<ChatModel> model) {
        this(model.orElse(null), new PromptTemplates(Path.of(config.promptsDir())), config.timeout(), config.maxConcurrent());
    }

    /**
     * @param model null when no provider is configured
     * @param maxConcurrent calls allowed in flight at once; more get no reply at once (see {@link LlmConfig})
     */
    public Llm(ChatModel model, PromptTemplates prompts, Duration timeout, int maxConcurrent) {
        this.model = model;
        this.prompts = prompts;
        this.timeout = timeout;
        this.maxSlots = Math.max(1, maxConcurrent);
        this.slots = new Semaphore(maxSlots);
    }

    /** A model configured with {@link LlmConfig} directly, without dependency injection. */
    public static Llm of(LlmConfig config) {
        ChatModel model = config.provider() == LlmProvider.NONE ? null : LlmFactory.create(config);
        return new Llm(model, new PromptTemplates(Path.of(config.promptsDir())), config.timeout(), config.maxConcurrent());
    }

    public boolean enabled() {
        return model != null;
    }

    /**
     * Completes the prompt template {@code promptName} (e.g. {@code handoff-summary}) with {@code vars}.
     *
     * @return the model's reply, or empty when disabled, the template is missing, the call fails or times out, or
     *     as many calls as allowed are already in flight
     */
    public Optional<String> complete(String promptName, Map<String, String> vars) {
        if (model == null) {
            return Optional.empty();
        }
        Optional<String> prompt;
        try {
            prompt = prompts.render(promptName, masked(vars));
        } catch (RuntimeException e) {
            LOG.warn("Prompt {} could not be filled: {}", promptName, e.getMessage());
            return Optional.empty();
        }
        if (prompt.isEmpty()) {
            LOG.warn("No prompt template named {}", promptName);
            return Optional.empty();
        }
        if (!slots.tryAcquire()) {
            long now = System.nanoTime();
            long last = lastBusyWarning.get();
            if (now - last > BUSY_WARNING_EVERY_NANOS && lastBusyWarning.compareAndSet(last, now)) {
                LOG.warn("LLM busy: {} calls in flight, replies go without it meanwhile (touchpoint.llm.max-concurrent)", maxSlots);
            }
            return Optional.empty();
        }
        CompletableFuture<String> call;
        try {
            // The slot is freed when the provider returns, not when we stop waiting, so hung calls stay counted.
            call = CompletableFuture.supplyAsync(() -> {
                try {
                    return model.chat(prompt.get());
                } finally {
                    slots.release();
                }
            }, calls);
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
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

    /**
     * Template variables written by staff (the FAQs and their titles) go to the model as they are: an FAQ may
     * rightly give the shop's own address or phone number. Everything else (the customer's question, a transcript)
     * has e-mail addresses, phone and card numbers masked before it leaves the service.
     */
    private static final java.util.Set<String> STAFF_WRITTEN = java.util.Set.of("faqs", "options");

    static Map<String, String> masked(Map<String, String> vars) {
        Map<String, String> out = new java.util.HashMap<>();
        vars.forEach((k, v) -> out.put(k, STAFF_WRITTEN.contains(k) ? v : touchpoint.infra.PiiMasker.mask(v)));
        return out;
    }

    /** Calls in flight now (for logs and tests). */
    int slotsInUse() {
        return maxSlots - slots.availablePermits();
    }
}
