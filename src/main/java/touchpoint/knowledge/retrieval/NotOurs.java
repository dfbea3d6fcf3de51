package touchpoint.knowledge.retrieval;

import java.util.Arrays;
import java.util.List;

/**
 * The knowledge base's own examples of questions it does not answer ("not ours"), as evidence that can only add
 * fallbacks to the calibrated threshold, never remove one: a question falls back when its nearest "not ours"
 * example is closer than its nearest FAQ phrasing by more than {@link #margin()}.
 *
 * <p>The margin is calibrated like the fallback threshold, from the in-scope side only: the FAQs' own phrasings,
 * each scored against the other phrasings (leave-one-out), give how far in-scope questions sit from the nearest
 * example. The margin is the quantile that lets {@code budget} of them fall back, and never below zero, so an
 * example only vetoes a question it is nearer to than every phrasing. An example an admin added by mistake (an
 * in-scope question) lands close to the phrasings and pushes the margin up itself, instead of refusing the FAQ's
 * customers.
 */
final class NotOurs {

    static final NotOurs NONE = new NotOurs(new float[0][0], 0, 0, Double.POSITIVE_INFINITY);

    private final float[][] examplesT; // [dim][n], transposed like the phrasings so scoring vectorizes
    private final int count;
    private final int dim;
    private final double margin;

    private NotOurs(float[][] examplesT, int count, int dim, double margin) {
        this.examplesT = examplesT;
        this.count = count;
        this.dim = dim;
        this.margin = margin;
    }

    /**
     * @param examples unit vectors of the "not ours" examples
     * @param phrasings unit vectors of the indexed titles and phrasings
     * @param checks which phrasings stand for in-scope questions
     * @param checkNearest each check's best cosine to another phrasing (leave-one-out)
     * @param budget share of the checks the examples may make fall back
     */
    static NotOurs fit(List<float[]> examples, float[][] phrasings, int[] checks, double[] checkNearest, double budget) {
        if (examples.isEmpty()) {
            return NONE;
        }
        int dim = examples.get(0).length;
        float[][] t = new float[dim][examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            float[] v = examples.get(i);
            for (int j = 0; j < dim; j++) {
                t[j][i] = v[j];
            }
        }
        NotOurs unfitted = new NotOurs(t, examples.size(), dim, 0);
        double[] lead = new double[checks.length];
        for (int k = 0; k < checks.length; k++) {
            lead[k] = unfitted.nearest(phrasings[checks[k]]) - checkNearest[k];
        }
        Arrays.sort(lead);
        double margin = Math.max(0, IndexBuilder.quantile(lead, 1 - budget));
        return new NotOurs(t, examples.size(), dim, margin);
    }

    int size() {
        return count;
    }

    double margin() {
        return margin;
    }

    /** The best cosine of unit vector {@code q} to an example; -1 without examples. */
    double nearest(float[] q) {
        if (count == 0) {
            return -1;
        }
        float[] cos = new float[count];
        for (int j = 0; j < dim; j++) {
            float qj = q[j];
            float[] column = examplesT[j];
            for (int i = 0; i < count; i++) {
                cos[i] += qj * column[i];
            }
        }
        double best = -1;
        for (float c : cos) {
            best = Math.max(best, c);
        }
        return best;
    }

    /** Whether a question whose nearest FAQ phrasing has cosine {@code nearestPhrasing} is not ours. */
    boolean vetoes(float[] q, double nearestPhrasing) {
        return count > 0 && nearest(q) - nearestPhrasing > margin;
    }
}
