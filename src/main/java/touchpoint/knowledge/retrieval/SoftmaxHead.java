package touchpoint.knowledge.retrieval;

import java.util.Arrays;
import java.util.Random;

/**
 * Multinomial logistic regression over sentence embeddings, trained on the FAQs' own phrasings: it learns
 * which directions of the embedding space separate one FAQ from its neighbours, which plain cosine cannot.
 * Full-batch Adam (mini-batches for large sets).
 *
 * <p>Training is two matrix products per step, written as long {@code y += a·x} loops over whole rows that the
 * JIT turns into SIMD code: the logits as one pass over the batch per (dimension, FAQ) pair, the gradient as
 * one pass over the dimensions per (phrasing, FAQ) pair. An index build trains three heads, and at a few hundred
 * FAQs this is what a publish waits for.
 */
final class SoftmaxHead {

    // Small L2 and a few hundred steps: enough to fit 10 phrasings per class without collapsing to them.
    static final int ITERATIONS = 120;
    private static final double L2 = 1e-5;
    private static final double LEARNING_RATE = 0.2;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    // Beyond this many phrasings each step uses a rotating mini-batch, so a build's cost stays bounded when
    // agents have taught the bot thousands of phrasings.
    private static final int MAX_BATCH = 1024;

    private final int dim;
    private final int classes;
    private final float[] weights; // [class][dim]
    private final float[] bias;

    private SoftmaxHead(int dim, int classes, float[] weights, float[] bias) {
        this.dim = dim;
        this.classes = classes;
        this.weights = weights;
        this.bias = bias;
    }

    /** A head trained earlier, from its weights ({@code [class][dim]}, flattened) and biases. */
    static SoftmaxHead of(int dim, int classes, float[] weights, float[] bias) {
        if (weights.length != dim * classes || bias.length != classes) {
            throw new IllegalArgumentException("a head of " + classes + " classes and " + dim + " dimensions needs "
                    + dim * classes + " weights and " + classes + " biases");
        }
        return new SoftmaxHead(dim, classes, weights.clone(), bias.clone());
    }

    int dimension() {
        return dim;
    }

    int classes() {
        return classes;
    }

    /** The weights, {@code [class][dim]} flattened; a copy. */
    float[] weights() {
        return weights.clone();
    }

    float[] bias() {
        return bias.clone();
    }

    static SoftmaxHead train(float[][] x, int[] y, int dim, int classes) {
        int n = x.length;
        float[][] w = new float[classes][dim];
        float[] b = new float[classes];
        if (n == 0 || classes < 2) {
            return new SoftmaxHead(dim, classes, flatten(w, dim), b);
        }
        int batch = Math.min(n, MAX_BATCH);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, new Random(17));

        float[][] xt = new float[dim][batch];        // the batch, one row per dimension
        float[][] delta = new float[classes][batch]; // logits, then (softmax - one-hot) / batch size
        float[][] grad = new float[classes][dim];
        float[] gradB = new float[classes];
        float[][] m = new float[classes][dim];
        float[][] v = new float[classes][dim];
        int[] rows = new int[batch];
        int cursor = 0;
        for (int it = 1; it <= ITERATIONS; it++) {
            if (it == 1 || batch < n) {
                for (int s = 0; s < batch; s++) {
                    rows[s] = order[cursor];
                    cursor = (cursor + 1) % n;
                    float[] xi = x[rows[s]];
                    for (int j = 0; j < dim; j++) {
                        xt[j][s] = xi[j];
                    }
                }
            }
            for (int c = 0; c < classes; c++) {
                Arrays.fill(delta[c], b[c]);
            }
            for (int j = 0; j < dim; j++) {
                for (int c = 0; c < classes; c++) {
                    axpy(w[c][j], xt[j], delta[c]);
                }
            }
            softmaxMinusTarget(delta, rows, y, batch);
            for (int c = 0; c < classes; c++) {
                Arrays.fill(grad[c], 0f);
                float sum = 0;
                for (float d : delta[c]) {
                    sum += d;
                }
                gradB[c] = sum;
            }
            for (int s = 0; s < batch; s++) {
                float[] xs = x[rows[s]];
                for (int c = 0; c < classes; c++) {
                    axpy(delta[c][s], xs, grad[c]);
                }
            }
            float c1 = (float) (LEARNING_RATE / (1 - Math.pow(BETA1, it)));
            float c2 = (float) (1 / (1 - Math.pow(BETA2, it)));
            for (int c = 0; c < classes; c++) {
                adam(w[c], grad[c], m[c], v[c], c1, c2);
                b[c] -= (float) LEARNING_RATE * gradB[c];
            }
        }
        return new SoftmaxHead(dim, classes, flatten(w, dim), b);
    }

    /** Turns logits (one row per class) into the loss gradient: (softmax - one-hot) / batch size. */
    private static void softmaxMinusTarget(float[][] z, int[] rows, int[] y, int batch) {
        float inv = 1f / batch;
        for (int s = 0; s < batch; s++) {
            float max = Float.NEGATIVE_INFINITY;
            for (float[] row : z) {
                max = Math.max(max, row[s]);
            }
            float sum = 0;
            for (float[] row : z) {
                row[s] = (float) Math.exp(row[s] - max);
                sum += row[s];
            }
            float scale = inv / sum;
            for (float[] row : z) {
                row[s] *= scale;
            }
            z[y[rows[s]]][s] -= inv;
        }
    }

    /**
     * {@code y += a * x}: the loop training spends its time in. Whole arrays, no offsets: the JIT vectorizes
     * this form, and with two offsets into flat arrays it ran five times slower.
     */
    private static void axpy(float a, float[] x, float[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void adam(float[] w, float[] grad, float[] m, float[] v, float c1, float c2) {
        for (int k = 0; k < w.length; k++) {
            float g = grad[k] + (float) L2 * w[k];
            m[k] = (float) (BETA1 * m[k] + (1 - BETA1) * g);
            v[k] = (float) (BETA2 * v[k] + (1 - BETA2) * g * g);
            w[k] -= c1 * m[k] / ((float) Math.sqrt(v[k] * c2) + 1e-8f);
        }
    }

    private static float[] flatten(float[][] rows, int dim) {
        float[] out = new float[rows.length * dim];
        for (int c = 0; c < rows.length; c++) {
            System.arraycopy(rows[c], 0, out, c * dim, dim);
        }
        return out;
    }

    /** Raw logits of each class for unit vector {@code q}, written to {@code out} (energy and max-logit scores). */
    void logits(float[] q, float[] out) {
        for (int c = 0; c < classes; c++) {
            out[c] = bias[c] + dot(weights, c * dim, q, dim);
        }
    }

    /** Log-probabilities of each class for unit vector {@code q}, written to {@code out}. */
    void logProbs(float[] q, float[] out) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            out[c] = bias[c] + dot(weights, c * dim, q, dim);
            max = Math.max(max, out[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(out[c] - max);
        }
        float log = (float) (max + Math.log(sum));
        for (int c = 0; c < classes; c++) {
            out[c] -= log;
        }
    }

    private static float dot(float[] a, int off, float[] b, int n) {
        // Four partial sums: a float sum is not reordered by the JIT, and one chain of adds waits on itself.
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[off + i] * b[i];
            s1 += a[off + i + 1] * b[i + 1];
            s2 += a[off + i + 2] * b[i + 2];
            s3 += a[off + i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[off + i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
