package touchpoint.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class OosScoreTableTest {

    @Test
    void should_give_auroc_one_and_full_recall_when_every_in_scope_question_scores_higher() {
        // The cut lets the lowest 2 % of in-scope questions fall back, here 2 of 100.
        OosScoreTable table = new OosScoreTable(List.of("nearest phrasing cosine"));
        for (int i = 0; i < 100; i++) {
            table.add(false, new double[] {1 + i});
        }
        for (int i = 0; i < 10; i++) {
            table.add(true, new double[] {-i});
        }
        OosScoreTable.Row row = table.rows().get(0);
        assertThat(row.auroc()).isEqualTo(1.0);
        assertThat(row.recall()).isEqualTo(1.0);
        assertThat(row.precision()).isCloseTo(10 / 12.0, within(1e-9));
    }

    @Test
    void should_count_ties_as_half_in_the_auroc() {
        OosScoreTable table = new OosScoreTable(List.of("s"));
        table.add(false, new double[] {1});
        table.add(false, new double[] {0});
        table.add(true, new double[] {0});
        table.add(true, new double[] {-1});
        assertThat(table.rows().get(0).auroc()).isCloseTo((2 + 1 + 0.5) / 4, within(1e-9));
    }

    @Test
    void should_place_the_cut_so_about_two_percent_of_in_scope_questions_fall_back() {
        OosScoreTable table = new OosScoreTable(List.of("s"));
        for (int i = 0; i < 100; i++) {
            table.add(false, new double[] {i});
        }
        table.add(true, new double[] {0.5});
        table.add(true, new double[] {1.5});
        table.add(true, new double[] {50});
        OosScoreTable.Row row = table.rows().get(0);
        assertThat(row.recall()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(row.precision()).isCloseTo(2 / 4.0, within(1e-9));
    }

    @Test
    void should_add_rank_mean_combinations_with_the_nearest_cosine() {
        OosScoreTable table = new OosScoreTable(List.of("nearest phrasing cosine", "head energy"));
        table.add(false, new double[] {1, 2});
        table.add(true, new double[] {0, 0});
        assertThat(table.rows()).extracting(OosScoreTable.Row::score)
                .containsExactly("nearest phrasing cosine", "head energy", "rank mean: nearest phrasing cosine + head energy");
    }
}
