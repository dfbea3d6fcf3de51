package touchpoint.knowledge.retrieval;

import java.util.Arrays;
import java.util.List;

/**
 * The per-FAQ evidence for a query, from a set of labelled phrasings: the learned head's log-probability,
 * the best single phrasing's cosine (kNN max), a soft-max over all phrasings' cosines (rewards FAQs with
 * several close phrasings), and BM25.
 */
final class FeatureIndex {

    static final int FEATURES = 4;
    static final int HEAD = 0;
    static final int NEAREST = 1;
    static final int DENSITY = 2;
    static final int LEXICAL = 3;

    // Kernel width for the density feature: cosines of paraphrases differ by a few hundredths.
    private static final float TAU = 0.05f;

    private final int classes;
    private final int dim;
    private final int rows;
    private final float[][] phrasingsT; // [dim][rows], transposed so scoring is a vectorizable axpy per dimension
    private final int[] labels;
    private final SoftmaxHead head;
    private final LexicalIndex lexical;

    /** {@code vectors[i]} is a unit vector of a phrasing of FAQ {@code labels[i]}; docs are per FAQ. */
    FeatureIndex(float[][] vectors, int[] labels, int classes, int dim, List<String> lexicalDocs) {
        this(vectors, labels, classes, dim, lexicalDocs, SoftmaxHead.train(vectors, labels, dim, classes));
    }

    /** As above with a head already trained on exactly these vectors and labels (a stored index, see {@link IndexFile}). */
    FeatureIndex(float[][] vectors, int[] labels, int classes, int dim, List<String> lexicalDocs, SoftmaxHead head) {
        this.classes = classes;
        this.dim = dim;
        this.rows = vectors.length;
        this.labels = labels.clone();
        this.phrasingsT = new float[dim][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < dim; j++) {
                phrasingsT[j][i] = vectors[i][j];
            }
        }
        this.head = head;
        this.lexical = new LexicalIndex(lexicalDocs);
    }

    int classes() {
        return classes;
    }

    SoftmaxHead head() {
        return head;
    }

    /** Writes the cosine of unit vector {@code q} to each indexed phrasing, in index order, into {@code out}. */
    void cosines(float[] q, float[] out) {
        Arrays.fill(out, 0f);
        for (int j = 0; j < dim; j++) {
            float qj = q[j];
            float[] column = phrasingsT[j];
            for (int i = 0; i < rows; i++) {
                out[i] += qj * column[i];
            }
        }
    }

    /** Writes features into {@code out[feature][class]}. */
    void features(float[] q, String text, float[][] out) {
        head.logProbs(q, out[HEAD]);
        float[] cos = new float[rows];
        cosines(q, cos);
        float[] nearest = out[NEAREST];
        float[] density = out[DENSITY];
        Arrays.fill(nearest, -1f);
        Arrays.fill(density, 0f);
        for (int i = 0; i < rows; i++) {
            int c = labels[i];
            if (cos[i] > nearest[c]) {
                nearest[c] = cos[i];
            }
            density[c] += (float) Math.exp((cos[i] - 1f) / TAU);
        }
        for (int c = 0; c < classes; c++) {
            density[c] = density[c] > 0 ? TAU * (float) Math.log(density[c]) : -1f;
        }
        lexical.score(text, out[LEXICAL]);
    }
}
