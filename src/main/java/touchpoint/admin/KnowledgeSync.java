package touchpoint.admin;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.infra.LiveBus;

/**
 * Keeps this instance's knowledge engine equal to what the database says is published, without restarts.
 *
 * <p>A change is committed first, then announced on the {@code LiveBus} topic {@value #TOPIC}
 * ({@code {faqId, revision}}); every instance, the publisher included, re-reads that one FAQ from the database
 * and hands it to {@link LiveKnowledge}. Re-reading instead of trusting the message makes late, repeated and
 * out-of-order announcements harmless; remembering the revision each FAQ is served at means an instance that
 * already has it does no work. Pub/sub loses what is sent while Redis is down, so a periodic resync compares
 * the served revisions with the database and repairs the difference.
 */
@Singleton
class KnowledgeSync {

    static final String TOPIC = "knowledge";

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeSync.class);

    /** The announcement; {@code revision} null means "no longer served"; {@code at} is epoch millis, for lag. */
    @Serdeable
    record Announcement(String faqId, @Nullable Long revision, long at) {
    }

    private final FaqStore store;
    private final LiveKnowledge engine;
    private final LiveBus bus;
    private final JsonMapper json;
    private final Clock clock;
    private final AdminConfig config;
    private final ContentSource content;
    /** FAQ id → revision this instance's engine serves. Guarded by {@code this}. */
    private final Map<String, Long> served = new HashMap<>();
    private volatile boolean started;

    KnowledgeSync(FaqStore store, LiveKnowledge engine, LiveBus bus, JsonMapper json, Clock clock, AdminConfig config,
                  ContentSource content) {
        this.store = store;
        this.engine = engine;
        this.bus = bus;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.content = content;
    }

    /** Seeds an empty database from faq-content, then serves everything published and starts listening. */
    @EventListener
    void onStartup(StartupEvent event) {
        seedIfEmpty();
        bus.subscribe(message -> {
            if (TOPIC.equals(message.topic())) {
                onAnnouncement(message.json());
            }
        });
        loadAll();
        started = true;
    }

    /** After a committed change on this instance: serve it here at once, then tell the other instances. */
    @EventListener
    void onChange(FaqStore.FaqChanged change) {
        refresh(change.faqId());
        try {
            bus.publish(TOPIC, json.writeValueAsString(new Announcement(change.faqId(), change.publishedRevision(), clock.millis())));
        } catch (IOException e) {
            LOG.warn("could not announce knowledge change faq={}", change.faqId(), e);
        }
    }

    /** Repairs announcements lost while the bus was down. */
    @Scheduled(fixedDelay = "${touchpoint.admin.resync-interval:60s}", initialDelay = "${touchpoint.admin.resync-interval:60s}")
    void resync() {
        if (!started) {
            return;
        }
        Map<String, Long> live = store.liveRevisions();
        Set<String> stale = new HashSet<>();
        synchronized (this) {
            live.forEach((id, revision) -> {
                if (!revision.equals(served.get(id))) {
                    stale.add(id);
                }
            });
            served.keySet().stream().filter(id -> !live.containsKey(id)).forEach(stale::add);
        }
        if (!stale.isEmpty()) {
            LOG.info("knowledge resync: {} FAQs differ from the database", stale.size());
            stale.forEach(this::refresh);
        }
    }

    /** Reads one FAQ's live revision from the database and serves exactly that (or withdraws it). */
    synchronized void refresh(String faqId) {
        Optional<FaqDocument> live = store.published(faqId);
        if (live.isPresent()) {
            FaqDocument doc = live.get();
            if (Long.valueOf(doc.revision()).equals(served.get(faqId))) {
                return;
            }
            engine.publish(List.of(doc));
            served.put(faqId, doc.revision());
            LOG.info("knowledge serving faq={} revision={}", faqId, doc.revision());
        } else if (served.containsKey(faqId)) {
            engine.withdraw(List.of(faqId));
            served.remove(faqId);
            LOG.info("knowledge withdrew faq={}", faqId);
        }
    }

    /** The revision this instance serves for {@code faqId}, if any (for tests and diagnostics). */
    synchronized Optional<Long> servedRevision(String faqId) {
        return Optional.ofNullable(served.get(faqId));
    }

    private void onAnnouncement(String message) {
        Announcement a;
        try {
            a = json.readValue(message, Announcement.class);
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable knowledge announcement");
            return;
        }
        if (a == null || a.faqId() == null || !FaqRules.ID.matcher(a.faqId()).matches()) {
            return;
        }
        refresh(a.faqId());
        LOG.debug("knowledge announcement faq={} revision={} lagMs={}", a.faqId(), a.revision(), clock.millis() - a.at());
    }

    private synchronized void loadAll() {
        List<FaqDocument> published = store.published();
        engine.load(published);
        served.clear();
        published.forEach(d -> served.put(d.id(), d.revision()));
        LOG.info("knowledge serving {} published FAQs from the database", published.size());
    }

    private void seedIfEmpty() {
        if (!config.seedOnStart() || !store.isEmpty()) {
            return;
        }
        try {
            ImportReport report = store.importFiles("server", content.serverFiles(), true, "system");
            LOG.info("seeded the knowledge base from {}: {} FAQs, {} files skipped", config.contentDir(),
                    report.created(), report.failed());
            report.files().stream().filter(f -> f.error() != null)
                    .forEach(f -> LOG.warn("seed skipped {}:{}: {}", f.file(), f.line(), f.error()));
        } catch (RuntimeException e) {
            // Another instance starting at the same moment may have seeded first; its FAQs are what we load.
            LOG.warn("seeding the knowledge base failed: {}", e.toString());
        }
    }
}
