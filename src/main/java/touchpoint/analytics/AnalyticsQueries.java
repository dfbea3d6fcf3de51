package touchpoint.analytics;

import touchpoint.infra.PiiMasker;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import touchpoint.infra.InvalidRequest;

/** Reads the analytics tables into the dashboard's figures and the CSV export. */
@Singleton
class AnalyticsQueries {

    static final List<String> CSV_HEADER = List.of("conversation_id", "started_at", "touchpoint", "first_question",
            "escalated", "handoff_reason", "resolved", "resolved_by_person", "agent_id", "team", "last_faq_id",
            "first_human_response_seconds", "bot_reply_ms_mean", "resolution_seconds", "ces", "csat", "csat_comment", "nps");

    private final Repositories.Facts facts;
    private final Repositories.Answers answers;
    private final AnalyticsConfig config;
    private final Clock clock;

    AnalyticsQueries(Repositories.Facts facts, Repositories.Answers answers, AnalyticsConfig config, Clock clock) {
        this.facts = facts;
        this.answers = answers;
        this.config = config;
        this.clock = clock;
    }

    /** Inclusive UTC days; by default the last {@code defaultDays} days up to today. */
    record Range(LocalDate from, LocalDate to) {
        Instant start() {
            return from.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        /** The last instant of {@code to}, for the inclusive BETWEEN the repositories use. */
        Instant end() {
            return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000);
        }
    }

    Range range(String from, String to) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(config.defaultDays() - 1L) : date("from", from);
        if (start.isAfter(end)) {
            throw new InvalidRequest("from", "must not be after to");
        }
        if (start.plusYears(3).isBefore(end)) {
            throw new InvalidRequest("from", "the range may span at most three years");
        }
        return new Range(start, end);
    }

    Summary summary(Range range) {
        List<ConversationFactRow> rows = facts.findByStartedDayBetweenOrderByStartedAt(range.from(), range.to());
        List<AnswerRow> answerRows = answers.findByAnsweredAtBetweenOrderByAnsweredAt(range.start(), range.end());
        Map<String, long[]> perFaq = new TreeMap<>();
        for (AnswerRow a : answerRows) {
            long[] c = perFaq.computeIfAbsent(a.faqId(), k -> new long[3]);
            c[0]++;
            if (Boolean.TRUE.equals(a.helpful())) {
                c[1]++;
            } else if (Boolean.FALSE.equals(a.helpful())) {
                c[2]++;
            }
        }
        return new Summary(range.from(), range.to(), Figures.of(rows),
                groups(rows, r -> r.startedDay().toString()),
                groups(rows, ConversationFactRow::lastFaqId),
                groups(rows, ConversationFactRow::agentId),
                groups(rows, ConversationFactRow::team),
                groups(rows, ConversationFactRow::touchpoint),
                perFaq.entrySet().stream().map(e -> new Summary.FaqAnswers(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                        .toList());
    }

    /** One row per conversation, oldest first; every text cell is PII-masked. */
    String exportCsv(Range range) {
        StringBuilder out = new StringBuilder(Csv.row(CSV_HEADER));
        for (ConversationFactRow r : facts.findByStartedDayBetweenOrderByStartedAt(range.from(), range.to())) {
            List<String> cells = new ArrayList<>();
            cells.add(r.conversationId());
            cells.add(r.startedAt().toString());
            cells.add(PiiMasker.mask(r.touchpoint()));
            cells.add(PiiMasker.mask(r.firstQuestion()));
            cells.add(String.valueOf(r.escalated()));
            cells.add(PiiMasker.mask(r.handoffReason()));
            cells.add(String.valueOf(r.resolved()));
            cells.add(String.valueOf(r.resolvedByPerson()));
            cells.add(PiiMasker.mask(r.agentId()));
            cells.add(PiiMasker.mask(r.team()));
            cells.add(PiiMasker.mask(r.lastFaqId()));
            cells.add(number(r.firstHumanResponseSeconds()));
            Double botReply = r.botReplyMillisMean();
            cells.add(botReply == null ? null : number(Figures.round(botReply, 1)));
            cells.add(number(r.resolutionSeconds()));
            cells.add(r.cesScore() == null ? null : r.cesScore().toString());
            cells.add(r.csatScore() == null ? null : r.csatScore().toString());
            cells.add(PiiMasker.mask(r.csatComment()));
            cells.add(r.npsScore() == null ? null : r.npsScore().toString());
            out.append(Csv.row(cells));
        }
        return out.toString();
    }

    private static String number(Double seconds) {
        return seconds == null ? null : java.math.BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }

    private static List<Summary.Group> groups(Collection<ConversationFactRow> rows, Function<ConversationFactRow, String> key) {
        Map<String, List<ConversationFactRow>> grouped = rows.stream().filter(r -> key.apply(r) != null)
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        return grouped.entrySet().stream().map(e -> new Summary.Group(e.getKey(), Figures.of(e.getValue()))).toList();
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequest(field, "must be a date like 2026-03-01");
        }
    }
}
