package touchpoint.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.ConversationSummary;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptAppended;
import touchpoint.chat.TranscriptEvent;

/**
 * Keeps the analytics tables in step with the transcript. A written conversation is re-projected from its stored
 * log and its rows replaced: conversations are short (tens of events), and a full re-projection cannot drift the
 * way incremental counters can when listeners see events late, twice or out of order. Queries read only these
 * tables, never the live conversation state.
 *
 * <p>The projection runs shortly after the write ({@link AnalyticsConfig#projectionDelay()}), on a worker of its
 * own: the customer's request does not wait for it, and a conversation written several times within the delay is
 * projected once. Readers call {@link #flush()} first, so the dashboard sees every write made on its instance. A
 * reconciler re-projects recently written conversations whose rows are behind their log: writes pending on an
 * instance that stopped, or on another instance that has not flushed yet; and, whatever their age, conversations
 * projected by older rules ({@link ConversationProjection#VERSION}), a batch a run, so a new figure reaches the
 * conversations recorded before it.
 */
@Singleton
class AnalyticsProjector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsProjector.class);
    // How far back the reconciler looks, and how many conversations it re-projects per run.
    private static final Duration RECONCILE_WINDOW = Duration.ofDays(1);
    private static final int RECONCILE_BATCH = 500;

    private final Transcript transcript;
    private final Store store;
    private final Repositories.Facts facts;
    private final Clock clock;
    private final Duration delay;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /**
     * The rows this instance last stored per conversation, so a re-projection writes only what changed: a busy
     * conversation is projected about once a second and gains a row or two each time. Bounded by count: a
     * projection is a few rows of ids, numbers and the customer's questions.
     */
    private final Cache<String, ConversationProjection> lastStored = Caffeine.newBuilder().maximumSize(2_000).build();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "analytics-projector");
        t.setDaemon(true);
        return t;
    });

    AnalyticsProjector(Transcript transcript, Store store, Repositories.Facts facts, Clock clock, AnalyticsConfig config) {
        this.transcript = transcript;
        this.store = store;
        this.facts = facts;
        this.clock = clock;
        this.delay = config.projectionDelay();
    }

    /** Marks the conversation for projection once its write is complete (a write's last event). */
    @EventListener
    void on(TranscriptAppended appended) {
        if (appended.event().seq() < appended.conversation().lastSeq()) {
            return;
        }
        pending.add(appended.event().conversationId());
        if (scheduled.compareAndSet(false, true)) {
            try {
                worker.schedule(() -> {
                    scheduled.set(false);
                    flush();
                }, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                scheduled.set(false);
            }
        }
    }

    /**
     * Projects every conversation written on this instance and not projected yet, and returns when they are. One
     * flush at a time, so a reader never overtakes a projection that the worker has started but not finished.
     */
    synchronized void flush() {
        for (String id : List.copyOf(pending)) {
            if (pending.remove(id)) {
                rebuild(id);
            }
        }
    }

    /** Re-projects recently written conversations whose rows are behind their log, and rows of older rules. */
    @Scheduled(initialDelay = "15s", fixedDelay = "1m")
    void reconcile() {
        try {
            List<String> behind = facts.findBehind(clock.instant().minus(RECONCILE_WINDOW), RECONCILE_BATCH);
            List<String> outdated = facts.findOutdated(ConversationProjection.VERSION, RECONCILE_BATCH);
            behind.forEach(pending::add);
            outdated.forEach(pending::add);
            if (!behind.isEmpty() || !outdated.isEmpty()) {
                LOG.info("analytics behind for {} conversations and projected by older rules for {}, re-projecting",
                        behind.size(), outdated.size());
                flush();
            }
        } catch (RuntimeException e) {
            LOG.warn("analytics reconciliation failed", e);
        }
    }

    /** Re-projects one conversation; also usable to backfill after a schema change. */
    synchronized void rebuild(String conversationId) {
        try {
            ConversationSummary conversation = transcript.conversation(conversationId).orElse(null);
            if (conversation == null) {
                return;
            }
            List<TranscriptEvent> events = transcript.events(conversation);
            ConversationProjection projection = ConversationProjection.of(conversation, events);
            ConversationProjection before = lastStored.getIfPresent(conversationId);
            // Forgotten until the new rows are committed: a failed write must not be taken for what is stored.
            lastStored.invalidate(conversationId);
            store.replace(projection, before);
            lastStored.put(conversationId, projection);
        } catch (RuntimeException e) {
            // Not the customer's problem: the conversation's next write, or the reconciler, projects it again.
            LOG.warn("analytics projection failed conversation={}", conversationId, e);
        }
    }

    @Override
    @PreDestroy
    public void close() {
        worker.shutdownNow();
    }

    @Singleton
    static class Store {
        private final Repositories.Facts facts;
        private final Repositories.SurveyAnswers surveys;
        private final Repositories.Answers answers;
        private final Repositories.GapQuestions gaps;

        Store(Repositories.Facts facts, Repositories.SurveyAnswers surveys, Repositories.Answers answers,
              Repositories.GapQuestions gaps) {
            this.facts = facts;
            this.surveys = surveys;
            this.answers = answers;
            this.gaps = gaps;
        }

        /**
         * Replaces the conversation's rows with {@code p}. When the stored fact row is at the same point of the log
         * as {@code before} (what this instance stored last), the stored rows are {@code before}'s, whoever wrote
         * them, as a projection is a function of the log: then a table whose rows did not change is left alone and
         * one that only gained rows gets just those. Otherwise every table is replaced.
         *
         * @param before what this instance stored last for the conversation; null when it does not know
         */
        @Transactional
        void replace(ConversationProjection p, @Nullable ConversationProjection before) {
            String id = p.fact().conversationId();
            Optional<ConversationFactRow> current = facts.findById(id);
            boolean known = before != null && current.isPresent()
                    && current.get().lastSeq() == before.fact().lastSeq()
                    && current.get().projectionVersion() == before.fact().projectionVersion();
            if (current.isEmpty()) {
                facts.save(p.fact());
            } else if (!known || !p.fact().equals(before.fact())) {
                facts.update(p.fact());
            }
            replaceRows(id, known ? before.surveys() : null, p.surveys(), surveys::deleteByConversationId, surveys::saveAll);
            replaceRows(id, known ? before.answers() : null, p.answers(), answers::deleteByConversationId, answers::saveAll);
            replaceRows(id, known ? before.gaps() : null, p.gaps(), gaps::deleteByConversationId, gaps::saveAll);
        }

        private static <T> void replaceRows(String conversationId, @Nullable List<T> stored, List<T> rows,
                                            Consumer<String> deleteAll, Consumer<List<T>> saveAll) {
            if (stored != null && stored.equals(rows)) {
                return;
            }
            if (stored != null && stored.size() <= rows.size() && rows.subList(0, stored.size()).equals(stored)) {
                saveAll.accept(rows.subList(stored.size(), rows.size()));
                return;
            }
            deleteAll.accept(conversationId);
            if (!rows.isEmpty()) {
                saveAll.accept(rows);
            }
        }
    }
}
