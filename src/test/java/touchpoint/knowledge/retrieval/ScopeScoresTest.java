package touchpoint.knowledge.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ScopeScoresTest {

    @Test
    void should_shrink_a_singular_sample_covariance_into_an_invertible_one() {
        Random random = new Random(3);
        double[][] rows = new double[5][20];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] l = ScopeScores.cholesky(ScopeScores.ledoitWolf(rows));
        for (int i = 0; i < l.length; i++) {
            assertThat(l[i][i]).isGreaterThan(1e-3);
        }
    }

    @Test
    void should_give_squared_euclidean_distance_when_the_covariance_is_the_identity() {
        double[][] identity = {{1, 0}, {0, 1}};
        double[] z = ScopeScores.forward(ScopeScores.cholesky(identity), new double[] {3, 4});
        assertThat(z[0] * z[0] + z[1] * z[1]).isCloseTo(25, within(1e-9));
    }

    @Test
    void should_score_a_phrasing_of_an_faq_above_a_direction_no_faq_covers() {
        int dim = 8;
        Random random = new Random(5);
        float[][] vectors = new float[30][];
        int[] labels = new int[30];
        for (int i = 0; i < 30; i++) {
            labels[i] = i % 3;
            float[] v = new float[dim];
            v[labels[i]] = 1;
            for (int j = 0; j < dim; j++) {
                v[j] += (float) (0.1 * random.nextGaussian());
            }
            vectors[i] = unit(v);
        }
        float[] inScope = unit(new float[] {1, 0.05f, 0, 0, 0, 0, 0, 0});
        float[] offTopic = unit(new float[] {0, 0, 0, 0, 0, 0, 1, 0.05f});
        ScopeScores scores = ScopeScores.fit(vectors, labels, 3, new float[0][]);
        double[] in = scores.score(inScope);
        double[] out = scores.score(offTopic);
        assertThat(scores.names()).hasSize(in.length);
        for (int s = 0; s < in.length; s++) {
            assertThat(in[s]).as(scores.names().get(s)).isGreaterThan(out[s]);
        }
    }

    @Test
    void should_place_the_background_cut_below_the_faqs_own_phrasings_and_above_background_questions() {
        int dim = 8;
        Random random = new Random(7);
        float[][] vectors = new float[60][];
        int[] labels = new int[60];
        for (int i = 0; i < 60; i++) {
            labels[i] = i / 20;
            vectors[i] = noisy(labels[i], random);
        }
        float[][] background = new float[40][];
        for (int i = 0; i < 40; i++) {
            background[i] = noisy(5 + i % 3, random);
        }
        ScopeScores scores = ScopeScores.fit(vectors, labels, 3, background);
        assertThat(scores.backgroundCut()).isBetween(0.0, 1.0);
        assertThat(scores.score(noisy(1, random))[ScopeScores.NOT_BACKGROUND]).isGreaterThan(scores.backgroundCut());
        assertThat(scores.score(noisy(6, random))[ScopeScores.NOT_BACKGROUND]).isLessThan(scores.backgroundCut());
    }

    private static float[] noisy(int axis, Random random) {
        float[] v = new float[8];
        v[axis] = 1;
        for (int j = 0; j < v.length; j++) {
            v[j] += (float) (0.1 * random.nextGaussian());
        }
        return unit(v);
    }

    private static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        for (int j = 0; j < v.length; j++) {
            v[j] /= (float) Math.sqrt(n);
        }
        return v;
    }
}
