package touchpoint.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The service's figures over a set of conversations. Definitions (the dashboard and the tests rely on them):
 * <ul>
 * <li>{@code conversations}: conversations started in the range; {@code engaged}: those where the customer wrote.</li>
 * <li>{@code containment}: engaged conversations never handed to a person / engaged; {@code escalationRate}: engaged
 *     conversations with a hand-off request / engaged (so the two add up to 1). Fractions 0..1, 4 decimals.</li>
 * <li>{@code firstHumanResponseSeconds}: seconds a customer waited for a person, from the hand-off (the first
 *     hand-off request, or the first assignment or join when a person took over unasked) to a person's first reply;
 *     over conversations a person has replied in. {@code botReplyMillis}: milliseconds from a customer message to
 *     the bot's reply, as recorded in the transcript, averaged within each conversation, over conversations the
 *     bot replied in. {@code resolutionTime}: seconds from the first customer message to the first resolution
 *     (resolved only).</li>
 * <li>Median and p90 use the nearest-rank method on the sorted values x1..xn: the p-th percentile is
 *     x⌈p·n⌉, so the median of an even count is the lower middle value and every reported value occurred.</li>
 * <li>CSAT: average of 1..5 scores and share of 4-5; CES: average of 1..7 and share of 5-7; NPS: % of 9-10 minus
 *     % of 0-6 (-100..100, 1 decimal). One answer per question per conversation (surveys never repeat).</li>
 * </ul>
 */
@Serdeable
public record Figures(long conversations, long engaged, long contained, long escalated, long resolved,
                      long resolvedByPerson, @Nullable Double containment, @Nullable Double escalationRate,
                      Timing firstHumanResponseSeconds, Timing botReplyMillis, Timing resolutionTime, Csat csat, Ces ces,
                      Nps nps) {

    @Serdeable
    public record Timing(int count, @Nullable Double median, @Nullable Double p90) {
    }

    @Serdeable
    public record Csat(int responses, @Nullable Double average, @Nullable Double share4to5) {
    }

    @Serdeable
    public record Ces(int responses, @Nullable Double average, @Nullable Double share5to7) {
    }

    @Serdeable
    public record Nps(int responses, int promoters, int detractors, @Nullable Double score) {
    }

    static Figures of(Collection<ConversationFactRow> rows) {
        long engaged = rows.stream().filter(ConversationFactRow::engaged).count();
        long escalated = rows.stream().filter(r -> r.engaged() && r.escalated()).count();
        long contained = engaged - escalated;
        List<Double> firstHumanResponse = rows.stream().map(ConversationFactRow::firstHumanResponseSeconds).filter(Objects::nonNull).toList();
        List<Double> botReply = rows.stream().map(ConversationFactRow::botReplyMillisMean).filter(Objects::nonNull).toList();
        List<Double> resolution = rows.stream().map(ConversationFactRow::resolutionSeconds).filter(Objects::nonNull).toList();
        List<Integer> csat = rows.stream().map(ConversationFactRow::csatScore).filter(Objects::nonNull).toList();
        List<Integer> ces = rows.stream().map(ConversationFactRow::cesScore).filter(Objects::nonNull).toList();
        List<Integer> nps = rows.stream().map(ConversationFactRow::npsScore).filter(Objects::nonNull).toList();
        int promoters = (int) nps.stream().filter(s -> s >= 9).count();
        int detractors = (int) nps.stream().filter(s -> s <= 6).count();
        return new Figures(rows.size(), engaged, contained, escalated,
                rows.stream().filter(ConversationFactRow::resolved).count(),
                rows.stream().filter(ConversationFactRow::resolvedByPerson).count(),
                ratio(contained, engaged, 4), ratio(escalated, engaged, 4),
                timing(firstHumanResponse), timing(botReply), timing(resolution),
                new Csat(csat.size(), average(csat), ratio(csat.stream().filter(s -> s >= 4).count(), csat.size(), 4)),
                new Ces(ces.size(), average(ces), ratio(ces.stream().filter(s -> s >= 5).count(), ces.size(), 4)),
                new Nps(nps.size(), promoters, detractors,
                        nps.isEmpty() ? null : round(100.0 * (promoters - detractors) / nps.size(), 1)));
    }

    /** Nearest-rank percentile, {@code p} in (0, 1]: the value at 1-based rank ⌈p·n⌉ of the sorted values. */
    static Double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }

    private static Timing timing(List<Double> values) {
        Double median = percentile(values, 0.5);
        Double p90 = percentile(values, 0.9);
        return new Timing(values.size(), median == null ? null : round(median, 3), p90 == null ? null : round(p90, 3));
    }

    private static Double average(List<Integer> values) {
        return values.isEmpty() ? null : round(values.stream().mapToInt(Integer::intValue).average().orElse(0), 2);
    }

    private static Double ratio(long part, long whole, int decimals) {
        return whole == 0 ? null : round((double) part / whole, decimals);
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
