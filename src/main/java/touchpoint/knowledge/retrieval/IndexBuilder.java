package touchpoint.knowledge.retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 *   <li>the fallback threshold: held-out phrasings model in-scope questions; the same phrasings scored with
 *       their whole FAQ removed model out-of-scope questions that resemble the knowledge base.</li>
 * </ul>
 */
final class IndexBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(IndexBuilder.class);

    private static final float[] NEAREST_GRID = {0, 2, 5, 10, 20, 40};
    private static final float[] DENSITY_GRID = {0, 2, 5, 10, 20};
    private static final float[] LEXICAL_GRID = {0, 0.5f, 1, 2, 4};
    // Top-3 matters for clarify questions; weigh it a little so ties in top-1 break towards it.
    private static final double TOP3_WEIGHT = 0.25;

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

        Fusion fusion = Fusion.DEFAULT;
        Calibration calibration = Calibration.NEVER;
        List<Sample> samples = classes >= 2 ? crossValidate(faqs, texts, all, allLabels, isTitle) : List.of();
        if (!samples.isEmpty()) {
            fusion = chooseWeights(samples);
            fusion = chooseTemperature(samples, fusion);
            calibration = calibrate(samples, fusion);
        }
        if (settings.fallbackThreshold() != null) {
            calibration = calibration.withThreshold(settings.fallbackThreshold());
        }
        LOG.info("Training the FAQ classifier on {} phrasings of {} FAQs", all.length, classes);
        FeatureIndex full = new FeatureIndex(all, allLabels, classes, embedder.dimension(), lexicalDocs(faqs, texts, allLabels, null));
        LOG.info("Knowledge index ready: {} FAQs, {} phrasings, {} held-out checks, fusion {}, {} in {} ms",
                classes, all.length, samples.size(), fusion, calibration, (System.nanoTime() - started) / 1_000_000);
        return new RetrievalIndex(ids, embedder, full, fusion, calibration, all, allLabels);
    }

    private List<Sample> crossValidate(List<Faq> faqs, List<String> texts, float[][] all, int[] labels, List<Boolean> isTitle) {
        int classes = faqs.size();
        // Alternate phrasings of each FAQ between the folds so both halves cover every FAQ.
        int[] fold = new int[all.length];
        int[] seen = new int[classes];
        for (int i = 0; i < all.length; i++) {
            fold[i] = isTitle.get(i) ? -1 : seen[labels[i]]++ % 2;
        }
        List<Sample> samples = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            LOG.info("Cross-validating the fusion on the FAQs' own phrasings: fold {}/2", k + 1);
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
            FeatureIndex index = new FeatureIndex(train.toArray(new float[0][]),
                    trainLabels.stream().mapToInt(Integer::intValue).toArray(), classes, embedder.dimension(),
                    lexicalDocs(faqs, texts, labels, inTrain));
            for (int i = 0; i < all.length; i++) {
                if (fold[i] == k) {
                    float[][] f = new float[FeatureIndex.FEATURES][classes];
                    index.features(all[i], texts.get(i), f);
                    samples.add(new Sample(f, labels[i]));
                }
            }
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

    private Calibration calibrate(List<Sample> samples, Fusion fusion) {
        int m = samples.size();
        double[] in = new double[m];
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            Sample s = samples.get(i);
            in[i] = topScore(s.features, fusion, -1);
            out[i] = topScore(withoutClass(s.features, s.gold), fusion, s.gold);
        }
        Arrays.sort(in);
        Arrays.sort(out);
        // Scan thresholds from high to low; keep the highest one whose fallbacks are precise enough.
        double threshold = Double.NEGATIVE_INFINITY;
        double precision = Double.NaN;
        double recall = 0;
        for (int k = m - 1; k >= 0; k--) {
            double t = out[k];
            int oosBelow = countBelow(out, t);
            int inBelow = countBelow(in, t);
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
        double[] logistic = fitLogistic(in, out);
        LOG.info("Fallback calibration: in-scope median {}, out-of-scope median {}, threshold {} "
                        + "(simulated precision {}, recall {})", fmt(in[m / 2]), fmt(out[m / 2]), fmt(threshold),
                fmt(precision), fmt(recall));
        return new Calibration(threshold, logistic[0], logistic[1], precision, recall, false);
    }

    /**
     * The features as if FAQ {@code removed} did not exist: the head's probabilities are renormalized over
     * the remaining FAQs and BM25 is rescaled to the remaining best, as a query would see them.
     */
    private static float[][] withoutClass(float[][] f, int removed) {
        float[][] g = new float[f.length][];
        for (int k = 0; k < f.length; k++) {
            g[k] = f[k].clone();
        }
        float[] head = g[FeatureIndex.HEAD];
        double rest = 1 - Math.exp(head[removed]);
        float shift = (float) Math.log(Math.max(rest, 1e-12));
        float bestLexical = 0;
        for (int c = 0; c < head.length; c++) {
            if (c != removed) {
                head[c] -= shift;
                bestLexical = Math.max(bestLexical, g[FeatureIndex.LEXICAL][c]);
            }
        }
        if (bestLexical > 0) {
            for (int c = 0; c < head.length; c++) {
                g[FeatureIndex.LEXICAL][c] /= bestLexical;
            }
        }
        return g;
    }

    private static double topScore(float[][] f, Fusion fusion, int skip) {
        double top = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < f[0].length; c++) {
            if (c != skip) {
                top = Math.max(top, fusion.score(f, c));
            }
        }
        return top;
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

    /** Newton's method for P(in scope | score) = sigmoid(a * score + b) over the two simulated sets. */
    private static double[] fitLogistic(double[] in, double[] out) {
        double a = 0;
        double b = 0;
        for (int it = 0; it < 50; it++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-6;
            double hab = 0;
            double hbb = 1e-6;
            for (int pass = 0; pass < 2; pass++) {
                double[] xs = pass == 0 ? in : out;
                double y = pass == 0 ? 1 : 0;
                for (double x : xs) {
                    double p = 1 / (1 + Math.exp(-(a * x + b)));
                    double w = p * (1 - p);
                    ga += (p - y) * x;
                    gb += p - y;
                    haa += w * x * x;
                    hab += w * x;
                    hbb += w;
                }
            }
            double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-12) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-9) {
                break;
            }
        }
        return new double[] {a, b};
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
