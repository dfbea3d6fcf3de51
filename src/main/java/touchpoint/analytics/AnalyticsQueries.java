package touchpoint.analytics;

import io.micronaut.core.annotation.Nullable;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import touchpoint.handoff.Organisation;
import touchpoint.infra.InvalidRequest;

/** Reads the analytics tables into the dashboard's figures and the CSV export. */
@Singleton
class AnalyticsQueries {

    static final List<String> CSV_HEADER = List.of("conversation_id", "started_at", "touchpoint", "first_question",
            "escalated", "handoff_reason", "resolved", "resolved_by_person", "agent_id", "team", "last_faq_id",
            "first_human_response_seconds", "bot_reply_ms_mean", "resolution_seconds", "ces", "csat", "csat_comment", "nps",
            "first_response_target_seconds", "first_response_breached", "channel_type", "channel_id");

    private final Repositories.Facts facts;
    private final Repositories.Answers answers;
    private final AnalyticsConfig config;
    private final Organisation organisation;
    private final Clock clock;

    AnalyticsQueries(Repositories.Facts facts, Repositories.Answers answers, AnalyticsConfig config, Organisation organisation,
                     Clock clock) {
        this.organisation = organisation;
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
        return summary(range, Set.of());
    }

    Summary summary(Range range, Set<String> teams) {
        return summary(range, teams, null);
    }

    /**
     * The figures of conversations of these teams (all when empty) and of this channel (a channel type like
     * {@code email}, or one channel's id; all when null); bot answers count when their conversation does.
     */
    Summary summary(Range range, Set<String> teams, @Nullable String channel) {
        List<ConversationFactRow> rows = rows(range, teams, channel);
        boolean narrowed = !teams.isEmpty() || channel != null;
        Set<String> ids = rows.stream().map(ConversationFactRow::conversationId).collect(Collectors.toSet());
        List<AnswerRow> answerRows = answers.findByAnsweredAtBetweenOrderByAnsweredAt(range.start(), range.end()).stream()
                .filter(a -> !narrowed || ids.contains(a.conversationId())).toList();
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
                groups(rows, ConversationFactRow::channelType),
                perFaq.entrySet().stream().map(e -> new Summary.FaqAnswers(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                        .toList(),
                teams.stream().sorted().toList(), channel, responseTargets(rows));
    }

    private List<ConversationFactRow> rows(Range range, Set<String> teams, @Nullable String channel) {
        return facts.findByStartedDayBetweenOrderByStartedAt(range.from(), range.to()).stream()
                .filter(r -> teams.isEmpty() || (r.team() != null && teams.contains(r.team())))
                .filter(r -> channel == null || channel.equals(r.channelType()) || channel.equals(r.channelId())).toList();
    }

    private Summary.ResponseTargets responseTargets(List<ConversationFactRow> rows) {
        Map<String, Integer> targets = organisation.firstResponseTargetSeconds();
        Instant now = clock.instant();
        Map<String, long[]> perTeam = new TreeMap<>();
        for (ConversationFactRow r : rows) {
            Boolean breached = breached(r, targets, now);
            if (breached != null) {
                long[] c = perTeam.computeIfAbsent(r.team(), k -> new long[2]);
                c[0]++;
                if (breached) {
                    c[1]++;
                }
            }
        }
        List<Summary.TeamTarget> byTeam = perTeam.entrySet().stream()
                .map(e -> new Summary.TeamTarget(e.getKey(), targets.get(e.getKey()), e.getValue()[0], e.getValue()[1])).toList();
        return new Summary.ResponseTargets(byTeam.stream().mapToLong(Summary.TeamTarget::measured).sum(),
                byTeam.stream().mapToLong(Summary.TeamTarget::breached).sum(), byTeam);
    }

    /** Whether the conversation missed its team's first-response target; null when it is not measured against one. */
    private static Boolean breached(ConversationFactRow r, Map<String, Integer> targets, Instant now) {
        Integer target = r.team() == null ? null : targets.get(r.team());
        if (target == null || r.handoffAt() == null) {
            return null;
        }
        Double waited = r.firstHumanResponseSeconds();
        if (waited != null) {
            return waited > target;
        }
        return !r.resolved() && java.time.Duration.between(r.handoffAt(), now).toSeconds() > target;
    }

    /** One row per conversation, oldest first; every text cell is PII-masked. */
    String exportCsv(Range range) {
        return exportCsv(range, Set.of());
    }

    String exportCsv(Range range, Set<String> teams) {
        return exportCsv(range, teams, null);
    }

    String exportCsv(Range range, Set<String> teams, @Nullable String channel) {
        StringBuilder out = new StringBuilder(Csv.row(CSV_HEADER));
        Map<String, Integer> targets = organisation.firstResponseTargetSeconds();
        Instant now = clock.instant();
        for (ConversationFactRow r : rows(range, teams, channel)) {
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
            Boolean breached = breached(r, targets, now);
            cells.add(breached == null ? null : targets.get(r.team()).toString());
            cells.add(breached == null ? null : breached.toString());
            cells.add(r.channelType());
            cells.add(r.channelId());
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
