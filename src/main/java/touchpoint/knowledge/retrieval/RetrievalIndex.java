package touchpoint.knowledge.retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import touchpoint.knowledge.Faq;

/**
 * An immutable, query-ready index over a set of FAQs: features, learned fusion and calibrated fallback.
 * Safe to share between threads; rebuilding means building a new one and swapping the reference.
 *
 * <p>A cascade's index holds a second, complete index over the same FAQs built with the small model
 * ({@link #quick}). A question is ranked there first, and that ranking stands when it is in scope and its top
 * FAQ's confidence reaches {@code quickConfidence}; otherwise this index ranks it. On BANKING77 about 60 % of
 * questions stop at the small model with the same top-1 and top-3 accuracy as the large model alone: a
 * calibrated confidence of 0.8 means the small model is rarely wrong there, and the large model spends its
 * time on the questions that are actually hard.
 */
public final class RetrievalIndex {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RetrievalIndex.class);

    private final List<String> ids;
    private final Embedder embedder;
    private final FeatureIndex features;
    private final Fusion fusion;
    private final Calibration calibration;
    private final float[][] phrasings;
    private final int[] phrasingLabels;
    private final IndexBuilder.Scope scope;
    private final double notOursBudget;
    private final NotOurs notOurs;
    private final RetrievalIndex quick;
    private final double quickConfidence;
    private final boolean restored;

    RetrievalIndex(List<String> ids, Embedder embedder, FeatureIndex features, Fusion fusion,
                   Calibration calibration, float[][] phrasings, int[] phrasingLabels, IndexBuilder.Scope scope,
                   double notOursBudget, boolean restored) {
        this(ids, embedder, features, fusion, calibration, phrasings, phrasingLabels, scope, notOursBudget, NotOurs.NONE,
                null, Double.POSITIVE_INFINITY, restored);
    }

    private RetrievalIndex(List<String> ids, Embedder embedder, FeatureIndex features, Fusion fusion,
                           Calibration calibration, float[][] phrasings, int[] phrasingLabels, IndexBuilder.Scope scope,
                           double notOursBudget, NotOurs notOurs, RetrievalIndex quick, double quickConfidence,
                           boolean restored) {
        this.ids = List.copyOf(ids);
        this.embedder = embedder;
        this.features = features;
        this.fusion = fusion;
        this.calibration = calibration;
        this.phrasings = phrasings;
        this.phrasingLabels = phrasingLabels;
        this.scope = scope;
        this.notOursBudget = notOursBudget;
        this.notOurs = notOurs;
        this.quick = quick;
        this.quickConfidence = quickConfidence;
        this.restored = restored;
    }

    private static final java.util.concurrent.Executor QUICK_BUILDER = task -> {
        Thread t = new Thread(task, "knowledge-index-build-quick");
        t.setDaemon(true);
        t.start();
    };

    /** An index to try (an editor's draft): a stored training for the same inputs is read, nothing is stored. */
    public static RetrievalIndex build(List<Faq> faqs, Embedder embedder, RetrievalSettings settings) {
        return build(faqs, embedder, settings, false);
    }

    /**
     * The index customers are served from: what the build trains is also stored beside the phrasing vectors, so the
     * next start with the same knowledge loads it instead of training. A draft would only displace it, hence apart.
     */
    public static RetrievalIndex buildServed(List<Faq> faqs, Embedder embedder, RetrievalSettings settings) {
        return build(faqs, embedder, settings, true);
    }

    /** {@code keep}: store what the build trains (see {@link #buildServed}). */
    static RetrievalIndex build(List<Faq> faqs, Embedder embedder, RetrievalSettings settings, boolean keep) {
        if (embedder.quick().isEmpty() || settings.cascadeConfidence() > 1) {
            return new IndexBuilder(embedder, settings, keep).build(faqs);
        }
        // The two models' indexes are independent. Built side by side, one's single-threaded steps (fitting the
        // fusion weights, calibrating) overlap the other's, which matters most at start-up, when the phrasing
        // vectors are stored and training is all that is left.
        java.util.concurrent.CompletableFuture<RetrievalIndex> quickBuild = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> new IndexBuilder(embedder.quick().get(), settings, keep).build(faqs), QUICK_BUILDER);
        RetrievalIndex index = new IndexBuilder(embedder, settings, keep).build(faqs);
        RetrievalIndex first = quickBuild.join();
        return new RetrievalIndex(index.ids, embedder, index.features, index.fusion, index.calibration,
                index.phrasings, index.phrasingLabels, index.scope, index.notOursBudget, NotOurs.NONE, first,
                settings.cascadeConfidence(), index.restored && first.restored);
    }

    /**
     * This index with {@code examples} as the knowledge base's "not ours" evidence (replacing any before), each
     * model of a cascade with its own vectors and margin. Nothing else is re-fitted, so it costs embedding the new
     * examples (cached by text) and one cosine pass per calibration check.
     */
    public RetrievalIndex withNotOurs(List<String> examples) {
        RetrievalIndex quickWith = quick == null ? null : quick.withNotOurs(examples);
        NotOurs evidence = NotOurs.NONE;
        if (!examples.isEmpty() && !ids.isEmpty()) {
            evidence = NotOurs.fit(embedder.embedAll(examples, (done, total) -> { }), phrasings, scope.checks(),
                    scope.nearest(), notOursBudget);
            LOG.info("Not-ours evidence ({}): {} examples, margin {}", embedder.name(), evidence.size(),
                    String.format(java.util.Locale.ROOT, "%.3f", evidence.margin()));
        }
        return new RetrievalIndex(ids, embedder, features, fusion, calibration, phrasings, phrasingLabels, scope,
                notOursBudget, evidence, quickWith, quickConfidence, restored);
    }

    /** How many "not ours" examples this index holds (the large model's, in a cascade). */
    public int notOursExamples() {
        return notOurs.size();
    }

    /** Whether what this index learned was read from an {@link IndexFile} instead of trained (a cascade: both). */
    boolean restored() {
        return restored;
    }

    /** Whether a small model ranks questions first (see the class comment). */
    public boolean cascades() {
        return quick != null;
    }

    public int size() {
        return ids.size();
    }

    public Calibration calibration() {
        return calibration;
    }

    /** Learned fusion weights and temperature, for logs and the eval report. */
    public String describeFusion() {
        return fusion.toString();
    }

    public Ranking rank(String text, Set<String> exclude) {
        if (quick != null) {
            Ranking first = quick.rank(text, exclude);
            boolean sure = !first.outOfScope()
                    && first.top().filter(top -> top.confidence() >= quickConfidence).isPresent();
            if (sure) {
                return first.fromQuickModel();
            }
        }
        int n = ids.size();
        if (n == 0) {
            return new Ranking(List.of(), Double.NEGATIVE_INFINITY, true, 0);
        }
        float[] q = embedder.embed(text);
        float[][] f = new float[FeatureIndex.FEATURES][n];
        features.features(q, text, f);
        double[] score = new double[n];
        boolean[] excluded = new boolean[n];
        double top = Double.NEGATIVE_INFINITY;
        double nearest = -1;
        double density = -1;
        for (int c = 0; c < n; c++) {
            excluded[c] = exclude.contains(ids.get(c));
            score[c] = fusion.score(f, c);
            if (!excluded[c]) {
                top = Math.max(top, score[c]);
                nearest = Math.max(nearest, f[FeatureIndex.NEAREST][c]);
                density = Math.max(density, f[FeatureIndex.DENSITY][c]);
            }
        }
        if (top == Double.NEGATIVE_INFINITY) {
            return new Ranking(List.of(), top, true, 0);
        }
        double sum = 0;
        double[] p = new double[n];
        for (int c = 0; c < n; c++) {
            if (!excluded[c]) {
                p[c] = Math.exp((score[c] - top) / fusion.temperature());
                sum += p[c];
            }
        }
        double inScope = calibration.inScopeProbability(nearest, density);
        boolean below = inScope < calibration.threshold();
        // Only asked when the threshold keeps the question: the examples may add fallbacks, never remove one.
        boolean notOursVeto = !below && notOurs.vetoes(q, nearest);
        List<Ranking.Scored> ranked = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (!excluded[c]) {
                double prob = p[c] / sum;
                ranked.add(new Ranking.Scored(ids.get(c), prob, prob * inScope, score[c]));
            }
        }
        ranked.sort(Comparator.comparingDouble(Ranking.Scored::score).reversed());
        return new Ranking(ranked, top, below || notOursVeto, inScope, false, notOursVeto);
    }

    /** Plain nearest neighbour: FAQs by their best phrasing's cosine, best first. */
    public List<String> nearestNeighbour(String text) {
        float[] q = embedder.embed(text);
        double[] best = new double[ids.size()];
        Arrays.fill(best, -2);
        for (int i = 0; i < phrasings.length; i++) {
            double s = 0;
            float[] v = phrasings[i];
            for (int j = 0; j < q.length; j++) {
                s += q[j] * v[j];
            }
            best[phrasingLabels[i]] = Math.max(best[phrasingLabels[i]], s);
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < ids.size(); c++) {
            order.add(c);
        }
        order.sort(Comparator.comparingDouble((Integer c) -> best[c]).reversed());
        return order.stream().map(ids::get).toList();
    }
}
