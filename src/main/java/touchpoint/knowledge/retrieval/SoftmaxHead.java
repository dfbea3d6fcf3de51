package touchpoint.knowledge.retrieval;

import java.util.Arrays;

/**
 * Multinomial logistic regression over sentence embeddings, trained on the FAQs' own phrasings: it learns
 * which directions of the embedding space separate one FAQ from its neighbours, which plain cosine cannot.
 * Full-batch Adam (mini-batches for large sets); weights are stored dimension-major so both passes are
 * vectorizable axpy loops.
 */
final class SoftmaxHead {

    // Small L2 and a few hundred steps: enough to fit 10 phrasings per class without collapsing to them.
    static final int ITERATIONS = 120;
    private static final double L2 = 1e-5;
    private static final double LEARNING_RATE = 0.2;
    // Beyond this many phrasings each step uses a rotating mini-batch, so a build's cost stays bounded when
    // agents have taught the bot thousands of phrasings.
    private static final int MAX_BATCH = 1024;

    private final int dim;
    private final int classes;
    private final float[] weights; // [dim][classes]
    private final float[] bias;

    private SoftmaxHead(int dim, int classes, float[] weights, float[] bias) {
        this.dim = dim;
        this.classes = classes;
        this.weights = weights;
        this.bias = bias;
    }

    static SoftmaxHead train(float[][] x, int[] y, int dim, int classes) {
        int n = x.length;
        float[] w = new float[dim * classes];
        float[] b = new float[classes];
        if (n == 0 || classes < 2) {
            return new SoftmaxHead(dim, classes, w, b);
        }
        float[] grad = new float[dim * classes];
        float[] gradB = new float[classes];
        float[] m = new float[dim * classes];
        float[] v = new float[dim * classes];
        float[] z = new float[classes];
        double beta1 = 0.9;
        double beta2 = 0.999;
        int batch = Math.min(n, MAX_BATCH);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, new java.util.Random(17));
        int cursor = 0;
        for (int it = 1; it <= ITERATIONS; it++) {
            Arrays.fill(grad, 0f);
            Arrays.fill(gradB, 0f);
            for (int s = 0; s < batch; s++) {
                int i = order[cursor];
                cursor = (cursor + 1) % n;
                float[] xi = x[i];
                logits(xi, w, b, z, dim, classes);
                softmaxInPlace(z);
                z[y[i]] -= 1f;
                float invN = 1f / batch;
                for (int c = 0; c < classes; c++) {
                    z[c] *= invN;
                    gradB[c] += z[c];
                }
                for (int j = 0; j < dim; j++) {
                    float xj = xi[j];
                    int row = j * classes;
                    for (int c = 0; c < classes; c++) {
                        grad[row + c] += xj * z[c];
                    }
                }
            }
            float c1 = (float) (LEARNING_RATE / (1 - Math.pow(beta1, it)));
            float c2 = (float) (1 / (1 - Math.pow(beta2, it)));
            for (int k = 0; k < w.length; k++) {
                float g = grad[k] + (float) L2 * w[k];
                m[k] = (float) (beta1 * m[k] + (1 - beta1) * g);
                v[k] = (float) (beta2 * v[k] + (1 - beta2) * g * g);
                w[k] -= c1 * m[k] / ((float) Math.sqrt(v[k] * c2) + 1e-8f);
            }
            for (int c = 0; c < classes; c++) {
                b[c] -= (float) LEARNING_RATE * gradB[c];
            }
        }
        return new SoftmaxHead(dim, classes, w, b);
    }

    /** Log-probabilities of each class for unit vector {@code q}, written to {@code out}. */
    void logProbs(float[] q, float[] out) {
        logits(q, weights, bias, out, dim, classes);
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
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

    private static void logits(float[] q, float[] w, float[] b, float[] out, int dim, int classes) {
        System.arraycopy(b, 0, out, 0, classes);
        for (int j = 0; j < dim; j++) {
            float qj = q[j];
            int row = j * classes;
            for (int c = 0; c < classes; c++) {
                out[c] += qj * w[row + c];
            }
        }
    }

    private static void shuffle(int[] a, java.util.Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static void softmaxInPlace(float[] z) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v);
        }
        float sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = (float) Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
    }
}
