package touchpoint.knowledge;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.knowledge.content.FaqLoader;
import touchpoint.knowledge.content.LoadReport;
import touchpoint.knowledge.content.MarkdownRenderer;
import touchpoint.knowledge.llm.AnswerWriter;
import touchpoint.knowledge.llm.RetrievalAnswerWriter;
import touchpoint.knowledge.retrieval.Calibration;
import touchpoint.knowledge.retrieval.Embedder;
import touchpoint.knowledge.retrieval.Ranking;
import touchpoint.knowledge.retrieval.RetrievalIndex;

/**
 * The knowledge base: loads faq-content, keeps an immutable index snapshot and answers questions from it.
 * Rebuilds (reload, {@link #rebuild}, {@link #upsert}, {@link #remove}) build a new snapshot while the old
 * one keeps serving, then swap it in atomically; embeddings are cached by text so only changed phrasings are
 * re-embedded.
 */
@Singleton
public class KnowledgeEngine implements KnowledgeBase, FaqIndex, TextEmbedder {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeEngine.class);

    private record Snapshot(List<Faq> faqs, Map<String, FaqView> views, RetrievalIndex index, LoadReport report) {
    }

    private final KnowledgeConfig config;
    private final MarkdownRenderer renderer = new MarkdownRenderer();
    private final DecisionMaker decisions;
    private final FollowUps followUps;
    private final Object buildLock = new Object();
    private volatile Embedder embedder;
    private volatile Snapshot snapshot;
    /** The "not ours" examples every new index is given; kept across rebuilds. Written under {@code buildLock}. */
    private volatile List<String> notOurs = List.of();

    @Inject
    public KnowledgeEngine(KnowledgeConfig config, AnswerWriter writer) {
        this.config = config;
        this.decisions = new DecisionMaker(config.clarifyMargin(), writer, renderer);
        this.followUps = new FollowUps(config.followUpMaxWords());
    }

    /** An engine without dependency injection that answers with the FAQ text itself (eval, tools). */
    public static KnowledgeEngine standalone(KnowledgeConfig config) {
        return new KnowledgeEngine(config, new RetrievalAnswerWriter());
    }

    @Override
    public Decision decide(Question question) {
        return assess(question).decision();
    }

    /** A decision and the full ranking it was made from, for one question (what the eval command scores). */
    public record Assessment(Decision decision, Ranking ranking) {
    }

    /** {@link #decide} together with its ranking, at the cost of one decision. */
    public Assessment assess(Question question) {
        Snapshot s = snapshot();
        FollowUps.Reading reading = read(s.index, question);
        return new Assessment(decisions.decide(reading.text(), reading.ranking(), s.views), reading.ranking());
    }

    @Override
    public Optional<FaqView> faq(String id) {
        return Optional.ofNullable(snapshot().views.get(id));
    }

    @Override
    public List<FaqView> all() {
        return List.copyOf(snapshot().views.values());
    }

    /** The FAQs ranked for a question, with calibrated confidences; what {@link #decide} is based on. */
    public Ranking rank(Question question) {
        return read(snapshot().index, question).ranking();
    }

    /** FAQ ids by plain nearest-neighbour cosine over their phrasings, best first (a baseline). */
    public List<String> nearestNeighbour(String text) {
        return snapshot().index.nearestNeighbour(text);
    }

    /** A unit-length sentence embedding, the same the index uses (e.g. to cluster unanswered questions). */
    public float[] embed(String text) {
        return embedder().embed(text).clone();
    }

    /** Opens the embedding model the first question needs (see {@link Embedder#warmUp}). */
    void warmUp() {
        embedder().warmUp();
    }

    /** Whether a small model ranks questions first and the large one only those it is unsure of. */
    public boolean cascades() {
        return snapshot().index.cascades();
    }

    public Calibration calibration() {
        return snapshot().index.calibration();
    }

    /** What the last load from the faq-content directory served and skipped. */
    public LoadReport loadReport() {
        return snapshot().report;
    }

    /** The FAQs currently served, in index order. */
    public List<Faq> faqs() {
        return snapshot().faqs;
    }

    /** Reloads the faq-content directory and swaps in a new index. */
    public LoadReport reload() {
        synchronized (buildLock) {
            LoadReport report = new FaqLoader().load(Path.of(config.faqDir()));
            install(report.faqs(), report);
            return report;
        }
    }

    /** Replaces the whole knowledge base (e.g. after the admin publishes a set of FAQs). */
    public void rebuild(List<Faq> faqs) {
        synchronized (buildLock) {
            Snapshot current = snapshot;
            install(faqs, current == null ? LoadReport.empty("api") : current.report);
        }
    }

    /** Adds or replaces one FAQ by id and swaps in a new index. */
    public void upsert(Faq faq) {
        synchronized (buildLock) {
            Map<String, Faq> byId = byId(snapshot().faqs);
            byId.put(faq.id(), faq);
            install(new ArrayList<>(byId.values()), snapshot.report);
        }
    }

    /** Removes one FAQ; returns false when there was none with that id. */
    public boolean remove(String id) {
        synchronized (buildLock) {
            Map<String, Faq> byId = byId(snapshot().faqs);
            if (byId.remove(id) == null) {
                return false;
            }
            install(new ArrayList<>(byId.values()), snapshot.report);
            return true;
        }
    }

    @Override
    public void notOurs(List<String> examples) {
        synchronized (buildLock) {
            notOurs = List.copyOf(examples);
            Snapshot current = snapshot;
            if (current != null) {
                snapshot = new Snapshot(current.faqs, current.views, current.index.withNotOurs(notOurs), current.report);
            }
        }
    }

    /** The "not ours" examples served (what {@link #notOurs(List)} was last given). */
    public List<String> notOursExamples() {
        return notOurs;
    }

    /**
     * Decides as if exactly {@code faqs} were served, leaving what is served untouched: "test a question" on
     * drafts. The index for the last set tried is kept, since an editor tries several questions on one draft.
     */
    public Decision decideWith(List<Faq> faqs, Question question) {
        List<Faq> unique = new ArrayList<>(byId(faqs).values());
        Trial trial = lastTrial;
        List<String> examples = notOurs;
        if (trial == null || !trial.faqs.equals(unique) || !trial.notOurs.equals(examples)) {
            trial = new Trial(unique, examples,
                    RetrievalIndex.build(unique, embedder(), config.retrievalSettings()).withNotOurs(examples), views(unique));
            lastTrial = trial;
        }
        FollowUps.Reading reading = read(trial.index, question);
        return decisions.decide(reading.text(), reading.ranking(), trial.views);
    }

    private record Trial(List<Faq> faqs, List<String> notOurs, RetrievalIndex index, Map<String, FaqView> views) {
    }

    private volatile Trial lastTrial;

    private Map<String, FaqView> views(List<Faq> faqs) {
        Map<String, FaqView> views = new LinkedHashMap<>();
        for (Faq f : faqs) {
            views.put(f.id(), new FaqView(f.id(), f.title(), f.questions(), f.tags(), f.team(), f.locale(),
                    f.bodyMarkdown(), renderer.toSafeHtml(f.bodyMarkdown())));
        }
        return java.util.Collections.unmodifiableMap(views);
    }

    private static Map<String, Faq> byId(List<Faq> faqs) {
        Map<String, Faq> byId = new LinkedHashMap<>();
        faqs.forEach(f -> byId.put(f.id(), f));
        return byId;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (buildLock) {
                if (snapshot == null) {
                    reload();
                }
                s = snapshot;
            }
        }
        return s;
    }

    private void install(List<Faq> faqs, LoadReport report) {
        List<Faq> unique = new ArrayList<>(byId(faqs).values());
        RetrievalIndex index = RetrievalIndex.buildServed(unique, embedder(), config.retrievalSettings())
                .withNotOurs(notOurs);
        snapshot = new Snapshot(List.copyOf(unique), views(unique), index, report);
        LOG.info("Serving {} FAQs", unique.size());
    }

    private Embedder embedder() {
        Embedder e = embedder;
        if (e == null) {
            synchronized (this) {
                if (embedder == null) {
                    embedder = new Embedder(config.embeddings(), config.embeddingCachePath());
                }
                e = embedder;
            }
        }
        return e;
    }

    private FollowUps.Reading read(RetrievalIndex index, Question question) {
        return followUps.read(question, text -> index.rank(text, question.excludeFaqIds()));
    }
}
