package touchpoint.knowledge;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;

/**
 * Builds the index in the background as soon as the HTTP server is up, so the first customer does not
 * wait for the embedding model; until then the first question builds it.
 */
@Singleton
class KnowledgeWarmup {

    private final KnowledgeEngine engine;

    KnowledgeWarmup(KnowledgeEngine engine) {
        this.engine = engine;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        Thread t = new Thread(engine::faqs, "knowledge-warmup");
        t.setDaemon(true);
        t.start();
    }
}
