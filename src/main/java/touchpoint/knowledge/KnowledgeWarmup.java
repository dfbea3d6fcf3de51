package touchpoint.knowledge;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the knowledge base ready in the background so the first customer does not wait for it: the embedding
 * model the first question needs is opened as soon as the context starts, beside the index load and the HTTP
 * server's start (opening it took a second of the restart's path to the first answer), and the index is built
 * once the server is up if nothing has built it yet; until then the first question builds it.
 */
@Singleton
class KnowledgeWarmup {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeWarmup.class);

    private final KnowledgeEngine engine;

    KnowledgeWarmup(KnowledgeEngine engine) {
        this.engine = engine;
    }

    @EventListener
    void onContextStartup(StartupEvent event) {
        background("knowledge-model-warmup", () -> {
            try {
                engine.warmUp();
            } catch (RuntimeException e) {
                // The first question opens the model again and reports what is wrong.
                LOG.warn("could not open the embedding model ahead of the first question: {}", e.toString());
            }
        });
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        background("knowledge-warmup", engine::faqs);
    }

    private static void background(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }
}
