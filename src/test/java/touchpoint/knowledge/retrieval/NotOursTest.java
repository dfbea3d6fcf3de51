package touchpoint.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NotOursTest {

    private static final int DIM = 16;

    /** Unit vector along {@code axis}, tilted by {@code noise} towards a random direction. */
    private static float[] near(int axis, double noise, Random random) {
        float[] v = new float[DIM];
        v[axis] = 1;
        for (int j = 0; j < DIM; j++) {
            v[j] += (float) (noise * random.nextGaussian());
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int j = 0; j < DIM; j++) {
            v[j] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    /** Phrasings of FAQs along axes 0..3, each with its best cosine to the other phrasings. */
    private record Faqs(float[][] phrasings, int[] checks, double[] nearest) {
    }

    private static Faqs faqs(Random random) {
        List<float[]> phrasings = new ArrayList<>();
        for (int axis = 0; axis < 4; axis++) {
            for (int i = 0; i < 10; i++) {
                phrasings.add(near(axis, 0.15, random));
            }
        }
        float[][] all = phrasings.toArray(float[][]::new);
        int[] checks = new int[all.length];
        double[] nearest = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            checks[i] = i;
            double best = -1;
            for (int j = 0; j < all.length; j++) {
                if (j != i) {
                    best = Math.max(best, cosine(all[i], all[j]));
                }
            }
            nearest[i] = best;
        }
        return new Faqs(all, checks, nearest);
    }

    private static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    @Test
    void should_veto_a_question_nearer_to_a_not_ours_example_than_to_every_phrasing() {
        Random random = new Random(1);
        Faqs faqs = faqs(random);
        NotOurs notOurs = NotOurs.fit(List.of(near(9, 0.1, random), near(10, 0.1, random)), faqs.phrasings, faqs.checks,
                faqs.nearest, 0.01);
        float[] offTopic = near(9, 0.2, random);
        float[] inScope = near(2, 0.15, random);

        assertThat(notOurs.margin()).as("examples far from the FAQs need no margin").isZero();
        assertThat(notOurs.vetoes(offTopic, nearestPhrasing(offTopic, faqs))).isTrue();
        assertThat(notOurs.vetoes(inScope, nearestPhrasing(inScope, faqs))).isFalse();
    }

    @Test
    void should_raise_the_margin_when_an_example_sits_among_the_faqs_own_phrasings() {
        Random random = new Random(2);
        Faqs faqs = faqs(random);
        // An admin marked an in-scope question "not ours" by mistake: it lies among FAQ 1's phrasings.
        NotOurs notOurs = NotOurs.fit(List.of(near(1, 0.05, random), near(9, 0.1, random)), faqs.phrasings, faqs.checks,
                faqs.nearest, 0.01);

        assertThat(notOurs.margin()).isPositive();
        int vetoed = 0;
        for (int i = 0; i < 200; i++) {
            float[] customer = near(1, 0.15, random);
            vetoed += notOurs.vetoes(customer, nearestPhrasing(customer, faqs)) ? 1 : 0;
        }
        assertThat(vetoed).as("FAQ 1's customers vetoed out of 200").isLessThanOrEqualTo(10);
        float[] offTopic = near(9, 0.1, random);
        assertThat(notOurs.vetoes(offTopic, nearestPhrasing(offTopic, faqs))).as("the real example still counts").isTrue();
    }

    @Test
    void should_never_veto_without_examples() {
        Random random = new Random(3);
        Faqs faqs = faqs(random);
        NotOurs none = NotOurs.fit(List.of(), faqs.phrasings, faqs.checks, faqs.nearest, 0.01);

        float[] offTopic = near(9, 0.1, random);
        assertThat(none.vetoes(offTopic, nearestPhrasing(offTopic, faqs))).isFalse();
        assertThat(none.size()).isZero();
    }

    private static double nearestPhrasing(float[] q, Faqs faqs) {
        double best = -1;
        for (float[] p : faqs.phrasings) {
            best = Math.max(best, cosine(q, p));
        }
        return best;
    }
}
