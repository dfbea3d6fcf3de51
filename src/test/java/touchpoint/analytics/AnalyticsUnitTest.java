package touchpoint.analytics;

import touchpoint.infra.PiiMasker;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small pure pieces: percentiles, PII masking, CSV cells, sentiment. */
class AnalyticsUnitTest {

    @Test
    void should_use_nearest_rank_percentiles() {
        List<Double> ten = List.of(10.0, 1.0, 9.0, 2.0, 8.0, 3.0, 7.0, 4.0, 6.0, 5.0);
        assertThat(Figures.percentile(ten, 0.5)).isEqualTo(5.0);
        assertThat(Figures.percentile(ten, 0.9)).isEqualTo(9.0);
        assertThat(Figures.percentile(List.of(4.0), 0.9)).isEqualTo(4.0);
        assertThat(Figures.percentile(List.of(1.0, 2.0), 0.5)).isEqualTo(1.0);
        assertThat(Figures.percentile(List.of(), 0.5)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mail me at jo.smith+orders@example.co.uk please|mail me at [email] please",
        "card 4111 1111 1111 1111 was charged|card [card ****1111] was charged",
        "card 4111-1111-1111-1111|card [card ****1111]",
        "call +44 7700 900123 or (020) 7946 0958|call [phone] or [phone]",
        "call 07700900123|call [phone]",
        "order 12345 for 2 lamps at 49.99 on 2026-03-02|order 12345 for 2 lamps at 49.99 on 2026-03-02",
    })
    void should_mask_emails_cards_and_phone_numbers_but_not_orders_prices_or_dates(String in, String out) {
        assertThat(PiiMasker.mask(in)).isEqualTo(out);
    }

    @Test
    void should_quote_csv_cells_and_defuse_formulas() {
        assertThat(Csv.row(List.of("a", "b,c", "say \"hi\""))).isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\"\r\n");
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("-12")).isEqualTo("-12");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Quick and friendly, thanks!|1.0",
        "waited far too long|-1.0",
        "not helpful at all|-1.0",
        "quick but rude|0.0",
        "it was fine|0.0",
    })
    void should_score_sentiment_with_a_small_lexicon_and_negation(String text, double score) {
        assertThat(Sentiment.score(text)).isEqualTo(score);
    }
}
