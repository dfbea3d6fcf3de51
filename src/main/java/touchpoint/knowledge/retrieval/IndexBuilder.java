package touchpoint.knowledge.retrieval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.knowledge.Faq;

/**
 * Builds a {@link RetrievalIndex}. Everything data-dependent is chosen here from the FAQs' own phrasings by
 * two-fold cross-validation: each FAQ's phrasings are split in two halves; each half is scored against an
 * index built from the other half (titles always indexed). That gives, without any labelled queries:
 * <ul>
 *   <li>fusion weights (maximizing held-out top-1/top-3),</li>
 *   <li>a softmax temperature (minimizing held-out log loss), and</li>
 *   <li>the scope model and fallback threshold: held-out phrasings model in-scope questions; the same
 *       phrasings scored with their whole FAQ removed model out-of-scope questions that resemble the
 *       knowledge base.</li>
 * </ul>
 */
final class IndexBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(IndexBuilder.class);

    // Weights relative to the head's log-probability (weight 1); roughly geometric so the search spans
    // "head decides" to "cosines decide".
    private static final float[] NEAREST_GRID = {0, 2, 5, 10, 20, 40, 80};
    private static final float[] DENSITY_GRID = {0, 2, 5, 10, 20, 40, 80};
    private static final float[] LEXICAL_GRID = {0, 0.5f, 1, 2, 4, 8};
    // A clarify question offers up to three FAQs, so top-3 counts as much as top-1.
    private static final double TOP3_WEIGHT = 1.0;

    // Held-out phrasings scored per FAQ and fold: plenty to fit a handful of parameters, and it keeps the
    // build fast when agents have taught the bot hundreds of phrasings per FAQ.
    private static final int MAX_CHECKS_PER_FAQ = 12;

    // Phrasings per FAQ scored for the fallback calibration: enough for a stable low quantile over the whole
    // knowledge base, and a bounded cost (each is compared with every phrasing) when agents have taught
    // hundreds of phrasings per FAQ.
    private static final int MAX_SCOPE_CHECKS_PER_FAQ = 24;

    private final Embedder embedder;
    private final RetrievalSettings settings;
    private final boolean keep;

    /** {@code keep}: store what is trained beside the phrasing vectors ({@link IndexFile}) for the next start. */
    IndexBuilder(Embedder embedder, RetrievalSettings settings, boolean keep) {
        this.embedder = embedder;
        this.settings = settings;
        this.keep = keep;
    }

    /** One held-out phrasing: its features against the other fold, and its FAQ ordinal. */
    private record Sample(float[][] features, int gold) {
    }

    RetrievalIndex build(List<Faq> faqs) {
        long started = System.nanoTime();
        int classes = faqs.size();
        List<String> ids = faqs.stream().map(Faq::id).toList();
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Boolean> isTitle = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            Faq faq = faqs.get(c);
            texts.add(faq.title());
            labels.add(c);
            isTitle.add(true);
            for (String q : faq.questions()) {
                texts.add(q);
                labels.add(c);
                isTitle.add(false);
            }
        }
        int[] lastLogged = {-1};
        List<float[]> vectors = embedder.embedAll(texts, (done, total) -> {
            int decile = done * 10 / Math.max(1, total);
            if (decile != lastLogged[0]) {
                lastLogged[0] = decile;
                LOG.info("Embedding FAQ phrasings with {}: {}/{}", embedder.name(), done, total);
            }
        });
        float[][] all = vectors.toArray(new float[0][]);
        int[] allLabels = labels.stream().mapToInt(Integer::intValue).toArray();
        if (classes == 0) {
            return new RetrievalIndex(ids, embedder, null, Fusion.DEFAULT, Calibration.NEVER, all, allLabels, Scope.NONE,
                    notOursBudget(), false);
        }

        boolean[] titles = titles(isTitle);
        Path file = embedder.indexFile();
        byte[] key = file == null ? null : IndexFile.key(ids, texts, allLabels, titles, all, settings);
        Optional<IndexFile.Trained> stored = stored(file, key, classes);
        if (stored.isPresent()) {
            IndexFile.Trained t = stored.get();
            FeatureIndex index = new FeatureIndex(all, allLabels, classes, embedder.dimension(),
                    lexicalDocs(faqs, texts, allLabels, null), t.head());
            Calibration calibration = withOverride(t.scope().calibration());
            LOG.info("Knowledge index ready ({}): {} FAQs, {} phrasings, trained earlier on {} held-out checks, {}, {}, "
                            + "read from {} in {} ms", embedder.name(), classes, all.length, t.heldOutChecks(), t.fusion(),
                    calibration, file, (System.nanoTime() - started) / 1_000_000);
            return new RetrievalIndex(ids, embedder, index, t.fusion(), calibration, all, allLabels, t.scope(),
                    notOursBudget(), true);
        }

        // The final index and the two cross-validation folds are independent: train them side by side.
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(3, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "knowledge-index-build");
            t.setDaemon(true);
            return t;
        });
        try {
            LOG.info("Training the FAQ classifier on {} phrasings of {} FAQs, cross-validating on the FAQs' own phrasings",
                    all.length, classes);
            Future<FeatureIndex> full = pool.submit(() -> new FeatureIndex(all, allLabels, classes, embedder.dimension(),
                    lexicalDocs(faqs, texts, allLabels, null)));
            List<Sample> samples = classes >= 2 ? crossValidate(pool, faqs, texts, all, allLabels, isTitle) : List.of();
            Fusion fusion = Fusion.DEFAULT;
            Calibration calibration;
            Scope scope = Scope.NONE;
            if (!samples.isEmpty()) {
                fusion = chooseWeights(samples);
                fusion = chooseTemperature(samples, fusion);
                scope = calibrate(full.get(), all, allLabels, titles, classes);
            }
            FeatureIndex index = full.get();
            if (keep && file != null) {
                keep(file, key, new IndexFile.Trained(index.head(), fusion, scope, samples.size()));
            }
            calibration = withOverride(scope.calibration());
            LOG.info("Knowledge index ready ({}): {} FAQs, {} phrasings, {} held-out checks, {}, {} in {} ms",
                    embedder.name(), classes, all.length, samples.size(), fusion, calibration,
                    (System.nanoTime() - started) / 1_000_000);
            return new RetrievalIndex(ids, embedder, index, fusion, calibration, all, allLabels, scope, notOursBudget(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("index build interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("index build failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Calibration withOverride(Calibration calibration) {
        return settings.fallbackThreshold() == null ? calibration : calibration.withThreshold(settings.fallbackThreshold());
    }

    private Optional<IndexFile.Trained> stored(Path file, byte[] key, int classes) {
        if (file == null) {
            return Optional.empty();
        }
        try {
            return IndexFile.read(file, key, classes, embedder.dimension());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the stored knowledge index in {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private void keep(Path file, byte[] key, IndexFile.Trained trained) {
        try {
            IndexFile.write(file, key, trained);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot keep the knowledge index in {}: {}", file, e.toString());
        }
    }

    private List<Sample> crossValidate(ExecutorService pool, List<Faq> faqs, List<String> texts, float[][] all,
                                       int[] labels, List<Boolean> isTitle) throws InterruptedException, ExecutionException {
        int classes = faqs.size();
        // Alternate phrasings of each FAQ between the folds so both halves cover every FAQ.
        int[] fold = new int[all.length];
        int[] seen = new int[classes];
        for (int i = 0; i < all.length; i++) {
            fold[i] = isTitle.get(i) ? -1 : seen[labels[i]]++ % 2;
        }
        List<Future<FeatureIndex>> folds = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            List<float[]> train = new ArrayList<>();
            List<Integer> trainLabels = new ArrayList<>();
            boolean[] inTrain = new boolean[all.length];
            for (int i = 0; i < all.length; i++) {
                if (fold[i] != k) {
                    train.add(all[i]);
                    trainLabels.add(labels[i]);
                    inTrain[i] = true;
                }
            }
            folds.add(pool.submit(() -> new FeatureIndex(train.toArray(new float[0][]),
                    trainLabels.stream().mapToInt(Integer::intValue).toArray(), classes, embedder.dimension(),
                    lexicalDocs(faqs, texts, labels, inTrain))));
        }
        List<Sample> samples = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            FeatureIndex index = folds.get(k).get();
            int[] scored = new int[classes];
            for (int i = 0; i < all.length; i++) {
                if (fold[i] == k && scored[labels[i]]++ < MAX_CHECKS_PER_FAQ) {
                    float[][] f = new float[FeatureIndex.FEATURES][classes];
                    index.features(all[i], texts.get(i), f);
                    samples.add(new Sample(f, labels[i]));
                }
            }
            LOG.info("Cross-validation fold {}/2 scored", k + 1);
        }
        return samples;
    }

    private static boolean[] titles(List<Boolean> isTitle) {
        boolean[] out = new boolean[isTitle.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = isTitle.get(i);
        }
        return out;
    }

    private static List<String> lexicalDocs(List<Faq> faqs, List<String> texts, int[] labels, boolean[] include) {
        StringBuilder[] docs = new StringBuilder[faqs.size()];
        for (int c = 0; c < docs.length; c++) {
            docs[c] = new StringBuilder();
        }
        for (int i = 0; i < texts.size(); i++) {
            if (include == null || include[i]) {
                docs[labels[i]].append(texts.get(i)).append('\n');
            }
        }
        return Arrays.stream(docs).map(StringBuilder::toString).toList();
    }

    private static Fusion chooseWeights(List<Sample> samples) {
        Fusion best = Fusion.DEFAULT;
        double bestObjective = -1;
        for (float n : NEAREST_GRID) {
            for (float d : DENSITY_GRID) {
                for (float l : LEXICAL_GRID) {
                    Fusion candidate = Fusion.DEFAULT.withWeights(n, d, l);
                    double objective = 0;
                    for (Sample s : samples) {
                        int rank = rankOfGold(s, candidate);
                        objective += (rank == 0 ? 1 : 0) + (rank < 3 ? TOP3_WEIGHT : 0);
                    }
                    if (objective > bestObjective) {
                        bestObjective = objective;
                        best = candidate;
                    }
                }
            }
        }
        return best;
    }

    private static int rankOfGold(Sample s, Fusion fusion) {
        int classes = s.features[0].length;
        float gold = fusion.score(s.features, s.gold);
        int rank = 0;
        for (int c = 0; c < classes; c++) {
            if (c != s.gold && fusion.score(s.features, c) > gold) {
                rank++;
            }
        }
        return rank;
    }

    private static Fusion chooseTemperature(List<Sample> samples, Fusion fusion) {
        float bestT = 1;
        double bestLoss = Double.MAX_VALUE;
        for (double logT = Math.log(0.02); logT <= Math.log(50); logT += 0.05) {
            float t = (float) Math.exp(logT);
            double loss = 0;
            for (Sample s : samples) {
                loss += logLoss(s, fusion, t);
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                bestT = t;
            }
        }
        return fusion.withTemperature(bestT);
    }

    private static double logLoss(Sample s, Fusion fusion, float t) {
        int classes = s.features[0].length;
        double max = Double.NEGATIVE_INFINITY;
        double[] z = new double[classes];
        for (int c = 0; c < classes; c++) {
            z[c] = fusion.score(s.features, c) / t;
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(z[c] - max);
        }
        return max + Math.log(sum) - z[s.gold];
    }

    /**
     * Places the fallback threshold from the in-scope side only. Each phrasing (up to
     * {@link #MAX_SCOPE_CHECKS_PER_FAQ} per FAQ) is scored against the full index without itself
     * (leave-one-phrasing-out): that is a fair stand-in for a customer asking something the FAQs cover, and its
     * score distribution is stable whatever the topics are. The threshold is the quantile of those scores given
     * by the target in-scope fallback rate. The leave-FAQ-out simulation (the same phrasing scored without its
     * whole FAQ) is only reported: where FAQs are near-duplicates of each other it says nothing can be told
     * apart and would push the threshold to zero.
     */
    /**
     * The fallback calibration and the in-scope stand-ins it was placed on: which phrasings, and each one's best
     * cosine to the others. "Not ours" examples are calibrated on the same stand-ins ({@link NotOurs}).
     */
    record Scope(Calibration calibration, int[] checks, double[] nearest) {
        static final Scope NONE = new Scope(Calibration.NEVER, new int[0], new double[0]);
    }

    /**
     * The share of in-scope questions "not ours" examples may make fall back: half the calibrated threshold's, so
     * both together stay within the target.
     */
    private double notOursBudget() {
        return settings.targetInScopeFallbackRate() / 2;
    }

    private Scope calibrate(FeatureIndex index, float[][] all, int[] labels, boolean[] isTitle, int classes) {
        List<Integer> checks = new ArrayList<>();
        int[] count = new int[classes];
        int[] total = new int[classes];
        for (int i = 0; i < all.length; i++) {
            total[labels[i]] += isTitle[i] ? 0 : 1;
        }
        int[] seen = new int[classes];
        for (int i = 0; i < all.length; i++) {
            if (isTitle[i]) {
                continue;
            }
            int c = labels[i];
            // Spread the checks evenly over each FAQ's phrasings (taught phrasings are appended last).
            int k = seen[c]++;
            int stride = Math.max(1, (total[c] + MAX_SCOPE_CHECKS_PER_FAQ - 1) / MAX_SCOPE_CHECKS_PER_FAQ);
            if (k % stride == 0 && count[c] < MAX_SCOPE_CHECKS_PER_FAQ) {
                count[c]++;
                checks.add(i);
            }
        }
        int m = checks.size();
        if (m == 0) {
            return Scope.NONE;
        }
        double[] sIn = new double[m];
        double[] sOut = new double[m];
        // The full index holds exactly these phrasings in this order; its cosine pass is vectorized, which matters
        // with thousands of taught phrasings.
        float[] cosines = new float[all.length];
        for (int k = 0; k < m; k++) {
            int i = checks.get(k);
            double best = -1;
            double bestOther = -1;
            index.cosines(all[i], cosines);
            for (int j = 0; j < all.length; j++) {
                if (j == i) {
                    continue;
                }
                double cos = cosines[j];
                best = Math.max(best, cos);
                if (labels[j] != labels[i]) {
                    bestOther = Math.max(bestOther, cos);
                }
            }
            sIn[k] = best;
            sOut[k] = bestOther;
        }
        double[] sortedIn = sIn.clone();
        Arrays.sort(sortedIn);
        double[] sortedOut = sOut.clone();
        Arrays.sort(sortedOut);
        double cut = quantile(sortedIn, settings.targetInScopeFallbackRate());
        double median = quantile(sortedIn, 0.5);
        // Map the score to a probability with its midpoint at the cut and the in-scope median at 0.95
        // (ln 19 = logit 0.95), so confidences of typical in-scope questions stay near their softmax share.
        double scale = Math.max((median - cut) / Math.log(19), 1e-3);
        Calibration fitted = new Calibration(1 / scale, 0, -cut / scale, 0.5, 0, 0, 0, 0, false);
        int inBelow = 0;
        int outBelow = 0;
        for (int k = 0; k < m; k++) {
            inBelow += sIn[k] < cut ? 1 : 0;
            outBelow += sOut[k] < cut ? 1 : 0;
        }
        double inRate = inBelow / (double) m;
        double nearMiss = outBelow / (double) m;
        double outMedian = quantile(sortedOut, 0.5);
        LOG.info("Fallback calibration on {} phrasings: nearest-cosine cut {} (in-scope median {}, left-out-FAQ "
                        + "median {}); simulated in-scope fallback rate {}, left-out-FAQ fallback rate {}",
                m, fmt(cut), fmt(median), fmt(outMedian), fmt(inRate), fmt(nearMiss));
        Calibration calibration = new Calibration(fitted.nearestWeight(), fitted.densityWeight(), fitted.intercept(),
                fitted.threshold(), fitted.inScopeProbability(median, 0), fitted.inScopeProbability(outMedian, 0), inRate,
                nearMiss, false);
        return new Scope(calibration, checks.stream().mapToInt(Integer::intValue).toArray(), sIn);
    }

    /** Linear interpolation between order statistics of an ascending array. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = Math.max(0, Math.min(1, q)) * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
