package touchpoint.knowledge.retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    private final Embedder embedder;
    private final RetrievalSettings settings;

    IndexBuilder(Embedder embedder, RetrievalSettings settings) {
        this.embedder = embedder;
        this.settings = settings;
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
                LOG.info("Embedding FAQ phrasings: {}/{}", done, total);
            }
        });
        float[][] all = vectors.toArray(new float[0][]);
        int[] allLabels = labels.stream().mapToInt(Integer::intValue).toArray();
        if (classes == 0) {
            return new RetrievalIndex(ids, embedder, null, Fusion.DEFAULT, Calibration.NEVER, all, allLabels);
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
            Calibration calibration = Calibration.NEVER;
            if (!samples.isEmpty()) {
                fusion = chooseWeights(samples);
                fusion = chooseTemperature(samples, fusion);
                calibration = calibrate(samples);
            }
            if (settings.fallbackThreshold() != null) {
                calibration = calibration.withThreshold(settings.fallbackThreshold());
            }
            FeatureIndex index = full.get();
            LOG.info("Knowledge index ready: {} FAQs, {} phrasings, {} held-out checks, {}, {} in {} ms",
                    classes, all.length, samples.size(), fusion, calibration, (System.nanoTime() - started) / 1_000_000);
            return new RetrievalIndex(ids, embedder, index, fusion, calibration, all, allLabels);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("index build interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("index build failed", e.getCause());
        } finally {
            pool.shutdownNow();
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

    private Calibration calibrate(List<Sample> samples) {
        int m = samples.size();
        double[][] in = new double[m][];
        double[][] out = new double[m][];
        for (int i = 0; i < m; i++) {
            Sample s = samples.get(i);
            in[i] = scopeFeatures(s.features, -1);
            out[i] = scopeFeatures(s.features, s.gold);
        }
        double[] w = fitLogistic(in, out);
        Calibration fitted = new Calibration(w[0], w[1], w[2], 0, 0, 0, 0, 0, false);
        double[] pIn = new double[m];
        double[] pOut = new double[m];
        for (int i = 0; i < m; i++) {
            pIn[i] = fitted.inScopeProbability(in[i][0], in[i][1]);
            pOut[i] = fitted.inScopeProbability(out[i][0], out[i][1]);
        }
        Arrays.sort(pIn);
        Arrays.sort(pOut);
        // Scan thresholds from high to low; keep the highest one whose fallbacks are precise enough.
        double threshold = 0;
        double precision = Double.NaN;
        double recall = 0;
        for (int k = m - 1; k >= 0; k--) {
            double t = pOut[k];
            int oosBelow = countBelow(pOut, t);
            int inBelow = countBelow(pIn, t);
            if (oosBelow == 0) {
                continue;
            }
            double p = oosBelow / (double) (oosBelow + inBelow);
            if (p >= settings.fallbackPrecision()) {
                threshold = t;
                precision = p;
                recall = oosBelow / (double) m;
                break;
            }
        }
        LOG.info("Fallback calibration: in-scope median {}, out-of-scope median {}, threshold {} "
                        + "(simulated precision {}, recall {})", fmt(pIn[m / 2]), fmt(pOut[m / 2]), fmt(threshold),
                fmt(precision), fmt(recall));
        return new Calibration(w[0], w[1], w[2], threshold, pIn[m / 2], pOut[m / 2], precision, recall, false);
    }

    /** Best cosine and best density over all FAQs but {@code skip}: absolute, so comparable across queries. */
    private static double[] scopeFeatures(float[][] f, int skip) {
        double nearest = -1;
        double density = -1;
        for (int c = 0; c < f[0].length; c++) {
            if (c != skip) {
                nearest = Math.max(nearest, f[FeatureIndex.NEAREST][c]);
                density = Math.max(density, f[FeatureIndex.DENSITY][c]);
            }
        }
        return new double[] {nearest, density};
    }

    private static int countBelow(double[] sorted, double t) {
        int idx = Arrays.binarySearch(sorted, t);
        if (idx < 0) {
            return -idx - 1;
        }
        while (idx > 0 && sorted[idx - 1] == t) {
            idx--;
        }
        return idx;
    }

    /**
     * Logistic regression P(in scope | x) over the simulated in-scope (label 1) and out-of-scope (label 0)
     * feature pairs, by Newton's method with a tiny ridge so separable data stays finite.
     */
    private static double[] fitLogistic(double[][] in, double[][] out) {
        int k = 3;
        double[] w = new double[k];
        for (int it = 0; it < 50; it++) {
            double[] g = new double[k];
            double[][] h = new double[k][k];
            for (int pass = 0; pass < 2; pass++) {
                double[][] xs = pass == 0 ? in : out;
                double y = pass == 0 ? 1 : 0;
                for (double[] x0 : xs) {
                    double[] x = {x0[0], x0[1], 1};
                    double p = 1 / (1 + Math.exp(-(w[0] * x[0] + w[1] * x[1] + w[2])));
                    double v = p * (1 - p);
                    for (int a = 0; a < k; a++) {
                        g[a] += (p - y) * x[a];
                        for (int b = 0; b < k; b++) {
                            h[a][b] += v * x[a] * x[b];
                        }
                    }
                }
            }
            for (int a = 0; a < k; a++) {
                g[a] += 1e-3 * w[a];
                h[a][a] += 1e-3;
            }
            double[] step = solve3(h, g);
            double size = 0;
            for (int a = 0; a < k; a++) {
                w[a] -= step[a];
                size += Math.abs(step[a]);
            }
            if (size < 1e-9) {
                break;
            }
        }
        return w;
    }

    /** Solves a 3x3 system by Cramer's rule. */
    private static double[] solve3(double[][] a, double[] b) {
        double det = det3(a);
        if (Math.abs(det) < 1e-15) {
            return new double[3];
        }
        double[] x = new double[3];
        for (int col = 0; col < 3; col++) {
            double[][] m = new double[3][3];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    m[r][c] = c == col ? b[r] : a[r][c];
                }
            }
            x[col] = det3(m) / det;
        }
        return x;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
