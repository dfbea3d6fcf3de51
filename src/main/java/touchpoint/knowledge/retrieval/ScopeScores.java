package touchpoint.knowledge.retrieval;

import java.util.ArrayList;
import java.util.List;

/**
 * Candidate out-of-scope scores on frozen sentence embeddings, for measuring which separates in-scope questions
 * from off-topic ones best (the eval command's {@code --oos-scores}); the engine itself decides on the nearest
 * phrasing's cosine. Every score is oriented the same way: higher means more likely in scope.
 *
 * <ul>
 *   <li>nearest phrasing's cosine (what the calibrated threshold uses);
 *   <li>cosine to the closest FAQ centroid (mean of its unit phrasing vectors, renormalised);
 *   <li>Mahalanobis distance to the closest FAQ mean with one shared within-FAQ covariance, and the relative
 *       Mahalanobis distance of Ren et al. (2021, "A simple fix to Mahalanobis distance for improving near-OOD
 *       detection"): that distance minus the distance to a single Gaussian over all phrasings. With ten phrasings
 *       per FAQ and 384 dimensions the sample covariances are singular, so both are shrunk towards a scaled
 *       identity by the Ledoit-Wolf estimate, which needs no tuning;
 *   <li>the softmax head's maximum probability, maximum logit and energy (log-sum-exp of the logits);
 *   <li>with a background set of off-topic questions: the nearest FAQ phrasing's cosine minus the nearest
 *       background question's, and one minus the background's probability under a head trained with the
 *       background as one more class.
 * </ul>
 */
public final class ScopeScores {

    /** Index in {@link #score}'s result of the nearest FAQ cosine minus the nearest background cosine. */
    public static final int NOT_OURS_MARGIN = 7;
    /** Index in {@link #score}'s result of 1 - P(background) under the head with a background class. */
    public static final int NOT_BACKGROUND = 8;

    private final float[][] phrasings;
    private final float[][] centroids;
    private final double[][] whitenedMeans;
    private final double[] whitenedBackgroundMean;
    private final double[][] classCholesky;
    private final double[][] backgroundCholesky;
    private final SoftmaxHead head;
    private final float[][] background;
    private final SoftmaxHead withBackground;
    private final int classes;
    private final int dim;
    private final double backgroundCut;

    private ScopeScores(float[][] phrasings, float[][] centroids, double[][] whitenedMeans,
                        double[] whitenedBackgroundMean, double[][] classCholesky, double[][] backgroundCholesky,
                        SoftmaxHead head, float[][] background, SoftmaxHead withBackground, int classes, int dim,
                        double backgroundCut) {
        this.phrasings = phrasings;
        this.centroids = centroids;
        this.whitenedMeans = whitenedMeans;
        this.whitenedBackgroundMean = whitenedBackgroundMean;
        this.classCholesky = classCholesky;
        this.backgroundCholesky = backgroundCholesky;
        this.head = head;
        this.background = background;
        this.withBackground = withBackground;
        this.classes = classes;
        this.dim = dim;
        this.backgroundCut = backgroundCut;
    }

    /**
     * The cut on 1 - P(background) below which {@link #BACKGROUND_CUT_RATE} of the FAQs' own phrasings fall, each
     * scored by a head trained with the background but without that phrasing (two folds, alternating within each
     * FAQ): a veto placed from the in-scope side only, as the fallback threshold is. NaN without a background.
     */
    public double backgroundCut() {
        return backgroundCut;
    }

    /**
     * Fits every score on unit phrasing vectors {@code vectors[i]} of FAQ {@code labels[i]} (the same texts the
     * index is built from); {@code background} may be empty.
     */
    public static ScopeScores fit(float[][] vectors, int[] labels, int classes, float[][] background) {
        return fit(vectors, labels, classes, background, BACKGROUND_CUT_RATE);
    }

    /** Share of the FAQs' held-out phrasings the background veto may reject (see {@link #backgroundCut}). */
    public static final double BACKGROUND_CUT_RATE = 0.01;

    /** As {@link #fit(float[][], int[], int, float[][])}; the first vector of each FAQ (its title) is always trained on. */
    static ScopeScores fit(float[][] vectors, int[] labels, int classes, float[][] background, double cutRate) {
        int n = vectors.length;
        int dim = vectors[0].length;
        double[][] means = new double[classes][dim];
        int[] counts = new int[classes];
        double[] overall = new double[dim];
        for (int i = 0; i < n; i++) {
            counts[labels[i]]++;
            for (int j = 0; j < dim; j++) {
                means[labels[i]][j] += vectors[i][j];
                overall[j] += vectors[i][j];
            }
        }
        float[][] centroids = new float[classes][dim];
        for (int c = 0; c < classes; c++) {
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                means[c][j] /= Math.max(1, counts[c]);
                norm += means[c][j] * means[c][j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < dim; j++) {
                centroids[c][j] = (float) (means[c][j] / Math.max(norm, 1e-12));
            }
        }
        for (int j = 0; j < dim; j++) {
            overall[j] /= n;
        }
        double[][] within = new double[n][];
        double[][] centred = new double[n][];
        for (int i = 0; i < n; i++) {
            within[i] = new double[dim];
            centred[i] = new double[dim];
            for (int j = 0; j < dim; j++) {
                within[i][j] = vectors[i][j] - means[labels[i]][j];
                centred[i][j] = vectors[i][j] - overall[j];
            }
        }
        double[][] classL = cholesky(ledoitWolf(within));
        double[][] backgroundL = cholesky(ledoitWolf(centred));
        double[][] whitenedMeans = new double[classes][];
        for (int c = 0; c < classes; c++) {
            whitenedMeans[c] = forward(classL, means[c]);
        }
        SoftmaxHead head = SoftmaxHead.train(vectors, labels, dim, classes);
        SoftmaxHead withBackground = null;
        if (background.length > 0) {
            float[][] x = new float[n + background.length][];
            int[] y = new int[x.length];
            for (int i = 0; i < n; i++) {
                x[i] = vectors[i];
                y[i] = labels[i];
            }
            for (int i = 0; i < background.length; i++) {
                x[n + i] = background[i];
                y[n + i] = classes;
            }
            withBackground = SoftmaxHead.train(x, y, dim, classes + 1);
        }
        double cut = background.length == 0 ? Double.NaN : heldOutCut(vectors, labels, classes, background, cutRate);
        return new ScopeScores(vectors, centroids, whitenedMeans, forward(backgroundL, overall), classL, backgroundL,
                head, background, withBackground, classes, dim, cut);
    }

    /** The names of {@link #score}'s entries, in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(List.of("nearest phrasing cosine", "nearest centroid cosine",
                "Mahalanobis (shared covariance)", "relative Mahalanobis", "head max softmax", "head max logit",
                "head energy"));
        if (withBackground != null) {
            names.add("nearest cosine minus nearest background cosine");
            names.add("head with background class: 1 - P(background)");
        }
        return names;
    }

    /** Every score for unit vector {@code q}, in the order of {@link #names}. */
    public double[] score(float[] q) {
        double[] out = new double[names().size()];
        out[0] = maxCosine(q, phrasings);
        out[1] = maxCosine(q, centroids);
        double[] x = new double[dim];
        for (int j = 0; j < dim; j++) {
            x[j] = q[j];
        }
        double[] z = forward(classCholesky, x);
        double nearestClass = Double.POSITIVE_INFINITY;
        for (double[] m : whitenedMeans) {
            nearestClass = Math.min(nearestClass, squaredDistance(z, m));
        }
        double toAll = squaredDistance(forward(backgroundCholesky, x), whitenedBackgroundMean);
        out[2] = -nearestClass;
        out[3] = -(nearestClass - toAll);
        float[] logits = new float[classes];
        head.logits(q, logits);
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        out[4] = 1 / sum;
        out[5] = max;
        out[6] = max + Math.log(sum);
        if (withBackground != null) {
            out[NOT_OURS_MARGIN] = out[0] - maxCosine(q, background);
            float[] lp = new float[classes + 1];
            withBackground.logProbs(q, lp);
            out[NOT_BACKGROUND] = 1 - Math.exp(lp[classes]);
        }
        return out;
    }

    private static double heldOutCut(float[][] vectors, int[] labels, int classes, float[][] background, double rate) {
        int n = vectors.length;
        int[] fold = new int[n];
        int[] seen = new int[classes];
        for (int i = 0; i < n; i++) {
            int k = seen[labels[i]]++;
            fold[i] = k == 0 ? -1 : k % 2;
        }
        List<Double> scores = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            List<float[]> x = new ArrayList<>();
            List<Integer> y = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    x.add(vectors[i]);
                    y.add(labels[i]);
                }
            }
            for (float[] b : background) {
                x.add(b);
                y.add(classes);
            }
            SoftmaxHead h = SoftmaxHead.train(x.toArray(float[][]::new), y.stream().mapToInt(Integer::intValue).toArray(),
                    vectors[0].length, classes + 1);
            float[] lp = new float[classes + 1];
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    h.logProbs(vectors[i], lp);
                    scores.add(1 - Math.exp(lp[classes]));
                }
            }
        }
        double[] sorted = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.floor(rate * sorted.length)];
    }

    private static double maxCosine(float[] q, float[][] rows) {
        double best = -1;
        for (float[] v : rows) {
            double s = 0;
            for (int j = 0; j < q.length; j++) {
                s += q[j] * v[j];
            }
            best = Math.max(best, s);
        }
        return best;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }

    /**
     * The Ledoit-Wolf shrunk covariance of already centred rows: {@code (1 - s)·S + s·mu·I}, with the shrinkage
     * {@code s} estimated from the data (as scikit-learn's {@code ledoit_wolf}).
     */
    static double[][] ledoitWolf(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        double[][] s = new double[p][p];
        double fourth = 0;
        for (double[] row : x) {
            double sq = 0;
            for (int i = 0; i < p; i++) {
                sq += row[i] * row[i];
                double ri = row[i];
                double[] si = s[i];
                for (int j = 0; j <= i; j++) {
                    si[j] += ri * row[j];
                }
            }
            fourth += sq * sq;
        }
        double trace = 0;
        double frobenius = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                s[i][j] /= n;
                s[j][i] = s[i][j];
                frobenius += (i == j ? 1 : 2) * s[i][j] * s[i][j];
            }
            trace += s[i][i];
        }
        double mu = trace / p;
        double beta = (fourth / n - frobenius) / (p * (double) n);
        double delta = (frobenius - 2 * mu * trace + p * mu * mu) / p;
        double shrinkage = delta <= 0 ? 1 : Math.min(beta, delta) / delta;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                s[i][j] *= 1 - shrinkage;
            }
            s[i][i] += shrinkage * mu;
        }
        return s;
    }

    /** Lower-triangular L with {@code L·Lᵀ = a} (a symmetric positive definite). */
    static double[][] cholesky(double[][] a) {
        int p = a.length;
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j][j];
            }
        }
        return l;
    }

    /** Solves {@code L·z = b}: squared distances between solved vectors are Mahalanobis distances. */
    static double[] forward(double[][] l, double[] b) {
        int p = b.length;
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        return z;
    }
}
