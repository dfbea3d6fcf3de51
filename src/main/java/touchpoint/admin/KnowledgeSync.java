package touchpoint.admin;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.analytics.PhrasingProposals;
import touchpoint.infra.LiveBus;

/**
 * Keeps this instance's knowledge engine equal to what the database says is published, without restarts.
 *
 * <p>A change is committed first, then announced on the {@code LiveBus} topic {@value #TOPIC}
 * ({@code {faqId, revision}}); every instance, the publisher included, re-reads that one FAQ from the database
 * and hands it to {@link LiveKnowledge}. Re-reading instead of trusting the message makes late, repeated and
 * out-of-order announcements harmless; remembering the revision each FAQ is served at means an instance that
 * already has it does no work. Pub/sub loses what is sent while Redis is down, so a periodic resync compares
 * the served revisions and approved learned phrasings with the database and repairs the difference.
 */
@Singleton
class KnowledgeSync {

    static final String TOPIC = "knowledge";

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeSync.class);

    /**
     * The announcement. One FAQ: {@code faqId} and its live {@code revision} (null: no longer served); a batch
     * (an import): {@code faqIds}. Receivers re-read the database either way. {@code at} is epoch millis, for lag.
     * {@code relearn}: the FAQ's approved learned phrasings changed, so it is re-served even at the same revision.
     * {@code notOurs}: the "not ours" examples changed; receivers re-read them all.
     */
    @Serdeable
    record Announcement(@Nullable String faqId, @Nullable Long revision, @Nullable List<String> faqIds, long at,
                        boolean relearn, boolean notOurs) {

        Announcement(@Nullable String faqId, @Nullable Long revision, @Nullable List<String> faqIds, long at,
                     boolean relearn) {
            this(faqId, revision, faqIds, at, relearn, false);
        }

        List<String> ids() {
            List<String> ids = new java.util.ArrayList<>();
            if (faqId != null) {
                ids.add(faqId);
            }
            if (faqIds != null) {
                ids.addAll(faqIds);
            }
            return ids;
        }
    }

    private final FaqStore store;
    private final FaqImport importer;
    private final LiveKnowledge engine;
    private final LiveBus bus;
    private final JsonMapper json;
    private final Clock clock;
    private final AdminConfig config;
    private final ContentSource content;
    private final PhrasingProposals proposals;
    private final NotOursExamples notOurs;
    /** FAQ id → what this instance's engine serves of it. Guarded by {@code this}. */
    private final Map<String, Served> served = new HashMap<>();
    /** The "not ours" examples this instance's engine learned from. Guarded by {@code this}. */
    private List<String> servedNotOurs = List.of();

    /** The revision served and a fingerprint of the approved learned phrasings served with it. */
    private record Served(long revision, int learned) {
    }
    /**
     * Announcements arrive on the bus's I/O thread, which also carries every chat message; re-reading the
     * database and re-indexing happen here instead, one at a time and in arrival order.
     */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "knowledge-sync");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean started;

    KnowledgeSync(FaqStore store, FaqImport importer, LiveKnowledge engine, LiveBus bus, JsonMapper json, Clock clock,
                  AdminConfig config, ContentSource content, PhrasingProposals proposals, NotOursExamples notOurs) {
        this.store = store;
        this.notOurs = notOurs;
        this.importer = importer;
        this.proposals = proposals;
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

    /**
     * After a committed change on this instance: tell every instance, then serve it here before the request
     * returns (a customer asking this instance next already gets it). While seeding at startup the full load
     * that follows serves everything, so only the announcement goes out.
     */
    @EventListener
    void onChange(FaqStore.FaqChanged change) {
        Announcement a = change.faqIds().size() == 1
                ? new Announcement(change.faqIds().get(0), store.published(change.faqIds().get(0)).map(FaqDocument::revision).orElse(null), null, clock.millis(), false)
                : new Announcement(null, null, change.faqIds(), clock.millis(), false);
        announce(a);
        // Announce first so other instances re-index in parallel with this one.
        if (started) {
            refresh(change.faqIds(), false);
        }
    }

    /** An admin approved or rejected learned phrasings: every instance re-serves that FAQ with them. */
    @EventListener
    void onPhrasingsDecided(PhrasingProposals.PhrasingsDecided decided) {
        announce(new Announcement(decided.faqId(), null, null, clock.millis(), true));
        if (started) {
            refresh(List.of(decided.faqId()), true);
        }
    }

    /** An admin added or removed "not ours" examples: every instance's fallback learns the new list. */
    @EventListener
    void onNotOursChanged(NotOursExamples.NotOursChanged change) {
        announce(new Announcement(null, null, null, clock.millis(), false, true));
        if (started) {
            refreshNotOurs();
        }
    }

    /** Gives the engine the database's "not ours" examples unless it already learned exactly those. */
    synchronized void refreshNotOurs() {
        List<String> texts = notOurs.texts();
        if (!texts.equals(servedNotOurs)) {
            engine.notOurs(texts);
            servedNotOurs = texts;
            LOG.info("knowledge learning from {} not-ours examples", texts.size());
        }
    }

    private void announce(Announcement a) {
        try {
            bus.publish(TOPIC, json.writeValueAsString(a));
        } catch (IOException e) {
            LOG.warn("could not announce knowledge change faqs={}", a.ids(), e);
        }
    }

    /** Repairs announcements lost while the bus was down. */
    @Scheduled(fixedDelay = "${touchpoint.admin.resync-interval:60s}", initialDelay = "${touchpoint.admin.resync-interval:60s}")
    void resync() {
        if (!started) {
            return;
        }
        Map<String, Long> live = store.liveRevisions();
        Map<String, Integer> learned = learnedFingerprints();
        Set<String> stale = new HashSet<>();
        synchronized (this) {
            live.forEach((id, revision) -> {
                if (!new Served(revision, learned.getOrDefault(id, 0)).equals(served.get(id))) {
                    stale.add(id);
                }
            });
            served.keySet().stream().filter(id -> !live.containsKey(id)).forEach(stale::add);
        }
        if (!stale.isEmpty()) {
            LOG.info("knowledge resync: {} FAQs differ from the database", stale.size());
            refresh(List.copyOf(stale), false);
        }
        refreshNotOurs();
    }

    /**
     * Reads these FAQs' live revisions from the database and serves exactly those (or withdraws them), in one
     * call each to the engine so a batch re-indexes once. FAQs already served at that revision cost nothing,
     * unless {@code relearn} (their learned phrasings changed).
     */
    synchronized void refresh(List<String> faqIds, boolean relearn) {
        List<FaqDocument> toPublish = new java.util.ArrayList<>();
        List<String> toWithdraw = new java.util.ArrayList<>();
        // Read before the engine reads them: a decision in between only makes the next resync re-serve.
        Map<String, Integer> learned = learnedFingerprints();
        for (String faqId : faqIds) {
            Optional<FaqDocument> live = store.published(faqId);
            if (live.isPresent()) {
                Served now = new Served(live.get().revision(), learned.getOrDefault(faqId, 0));
                if (relearn || !now.equals(served.get(faqId))) {
                    toPublish.add(live.get());
                }
            } else if (served.containsKey(faqId)) {
                toWithdraw.add(faqId);
            }
        }
        if (!toPublish.isEmpty()) {
            engine.publish(toPublish);
            toPublish.forEach(d -> served.put(d.id(), new Served(d.revision(), learned.getOrDefault(d.id(), 0))));
            LOG.info("knowledge serving {}", toPublish.stream().map(d -> d.id() + "@" + d.revision()).toList());
        }
        if (!toWithdraw.isEmpty()) {
            engine.withdraw(toWithdraw);
            toWithdraw.forEach(served::remove);
            LOG.info("knowledge withdrew {}", toWithdraw);
        }
    }

    private void onAnnouncement(String message) {
        Announcement a;
        try {
            a = json.readValue(message, Announcement.class);
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring unreadable knowledge announcement");
            return;
        }
        if (a == null) {
            return;
        }
        List<String> ids = a.ids().stream().filter(id -> id != null && FaqRules.ID.matcher(id).matches()).toList();
        LOG.debug("knowledge announcement faqs={} revision={} lagMs={}", ids, a.revision(), clock.millis() - a.at());
        if (a.notOurs()) {
            worker.execute(() -> {
                try {
                    refreshNotOurs();
                } catch (RuntimeException e) {
                    LOG.warn("knowledge not-ours refresh failed", e);
                }
            });
        }
        if (ids.isEmpty()) {
            return;
        }
        worker.execute(() -> {
            try {
                refresh(ids, a.relearn());
            } catch (RuntimeException e) {
                // The periodic resync retries what failed here.
                LOG.warn("knowledge refresh failed faqs={}", ids, e);
            }
        });
    }

    /** Per FAQ, a fingerprint of its approved learned phrasings (0 when it has none). */
    private Map<String, Integer> learnedFingerprints() {
        Map<String, List<String>> byFaq = new HashMap<>();
        proposals.approvedPhrasings().forEach(p -> byFaq.computeIfAbsent(p.faqId(), id -> new java.util.ArrayList<>()).add(p.text()));
        Map<String, Integer> fingerprints = new HashMap<>();
        byFaq.forEach((id, texts) -> fingerprints.put(id, texts.stream().sorted().toList().hashCode()));
        return fingerprints;
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
    }

    private synchronized void loadAll() {
        Map<String, Integer> learned = learnedFingerprints();
        List<FaqDocument> published = store.published();
        engine.load(published);
        served.clear();
        published.forEach(d -> served.put(d.id(), new Served(d.revision(), learned.getOrDefault(d.id(), 0))));
        LOG.info("knowledge serving {} published FAQs from the database", published.size());
        refreshNotOurs();
    }

    private void seedIfEmpty() {
        if (!config.seedOnStart() || !store.isEmpty()) {
            return;
        }
        try {
            ImportReport report = importer.importFiles("server", content.serverFiles(), true, "system");
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
