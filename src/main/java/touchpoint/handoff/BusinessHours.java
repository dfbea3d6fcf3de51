package touchpoint.handoff;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import touchpoint.infra.InvalidRequest;

/**
 * A team's opening hours: a weekly schedule of intervals in the team's time zone, and holidays on which it is
 * closed all day. Intervals are local wall-clock times, so a team open 09:00-17:00 stays open 09:00-17:00 across a
 * daylight-saving change; an interval may not cross midnight (write 22:00-24:00 and 00:00-06:00 instead).
 */
record BusinessHours(ZoneId zone, Map<DayOfWeek, List<Interval>> weekly, SortedSet<LocalDate> holidays) {

    /** How far ahead {@link #nextOpening} looks: a year of holidays is the longest a schedule can keep a team shut. */
    private static final int SEARCH_DAYS = 400;

    /** {@code closes} of {@link LocalTime#MAX} is midnight at the end of the day ("24:00"). */
    record Interval(LocalTime opens, LocalTime closes) {

        boolean contains(LocalTime t) {
            return !t.isBefore(opens) && (closes.equals(LocalTime.MAX) || t.isBefore(closes));
        }

        @Override
        public String toString() {
            return opens + "-" + (closes.equals(LocalTime.MAX) ? "24:00" : closes.toString());
        }
    }

    boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        return weekly.getOrDefault(local.getDayOfWeek(), List.of()).stream().anyMatch(i -> i.contains(local.toLocalTime()));
    }

    /** When the team opens next, in its own zone; {@code at} itself when open. Empty when no opening is in sight. */
    Optional<ZonedDateTime> nextOpening(Instant at) {
        if (isOpen(at)) {
            return Optional.of(at.atZone(zone));
        }
        ZonedDateTime local = at.atZone(zone);
        for (int d = 0; d < SEARCH_DAYS; d++) {
            LocalDate day = local.toLocalDate().plusDays(d);
            if (holidays.contains(day)) {
                continue;
            }
            for (Interval i : weekly.getOrDefault(day.getDayOfWeek(), List.of())) {
                // atZone moves a start in a daylight-saving gap forward, to the first instant that exists.
                ZonedDateTime opens = day.atTime(i.opens()).atZone(zone);
                if (opens.toInstant().isAfter(at)) {
                    return Optional.of(opens);
                }
            }
        }
        return Optional.empty();
    }

    String weeklyText() {
        return weekly.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue().stream().map(Interval::toString).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }

    String holidaysText() {
        return holidays.stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    /** Reads the stored columns; they were validated by {@link #of} when written. */
    static BusinessHours parse(String zone, String weeklyText, String holidaysText) {
        Map<DayOfWeek, List<Interval>> weekly = new EnumMap<>(DayOfWeek.class);
        if (weeklyText != null && !weeklyText.isBlank()) {
            for (String day : weeklyText.split(";")) {
                String[] parts = day.split("=", 2);
                List<Interval> intervals = new ArrayList<>();
                for (String range : parts[1].split(",")) {
                    String[] ends = range.split("-", 2);
                    intervals.add(interval(ends[0], ends[1]));
                }
                weekly.put(DayOfWeek.valueOf(parts[0]), intervals);
            }
        }
        SortedSet<LocalDate> holidays = new TreeSet<>();
        if (holidaysText != null && !holidaysText.isBlank()) {
            for (String h : holidaysText.split(",")) {
                holidays.add(LocalDate.parse(h));
            }
        }
        return new BusinessHours(ZoneId.of(zone), weekly, holidays);
    }

    /** One opening interval of a day as an admin writes it: {@code day} MONDAY..SUNDAY, times HH:MM, closes may be 24:00. */
    record Opening(String day, String opens, String closes) {
    }

    /** Validates an admin's schedule; every refusal names the field. */
    static BusinessHours of(String timeZone, List<Opening> openings, List<String> holidays) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new InvalidRequest("timeZone", "must be a time zone such as Europe/Berlin");
        }
        Map<DayOfWeek, List<Interval>> weekly = new EnumMap<>(DayOfWeek.class);
        for (Opening o : openings) {
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(o.day().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequest("weekly", "day must be MONDAY to SUNDAY");
            }
            Interval interval;
            try {
                interval = interval(o.opens(), o.closes());
            } catch (DateTimeParseException e) {
                throw new InvalidRequest("weekly", "times must be written HH:MM");
            }
            if (!interval.opens().isBefore(interval.closes())) {
                throw new InvalidRequest("weekly", "an interval must close after it opens, on the same day");
            }
            weekly.computeIfAbsent(day, d -> new ArrayList<>()).add(interval);
        }
        if (weekly.isEmpty()) {
            throw new InvalidRequest("weekly", "must open at least once a week (remove the hours for a team that never closes)");
        }
        for (List<Interval> day : weekly.values()) {
            day.sort(Comparator.comparing(Interval::opens));
            for (int i = 1; i < day.size(); i++) {
                if (day.get(i).opens().isBefore(day.get(i - 1).closes())) {
                    throw new InvalidRequest("weekly", "intervals of one day must not overlap");
                }
            }
        }
        SortedSet<LocalDate> days = new TreeSet<>();
        for (String h : holidays) {
            try {
                days.add(LocalDate.parse(h.strip()));
            } catch (DateTimeParseException e) {
                throw new InvalidRequest("holidays", "must be dates like 2026-12-25");
            }
        }
        return new BusinessHours(zone, weekly, days);
    }

    /** The schedule as an admin writes it, day by day in week order. */
    List<Opening> openings() {
        List<Opening> out = new ArrayList<>();
        weekly.forEach((day, intervals) -> intervals.forEach(i -> out.add(new Opening(day.name(), i.opens().toString(),
                i.closes().equals(LocalTime.MAX) ? "24:00" : i.closes().toString()))));
        return out;
    }

    private static Interval interval(String opens, String closes) {
        LocalTime end = "24:00".equals(closes.strip()) ? LocalTime.MAX : LocalTime.parse(closes.strip());
        return new Interval(LocalTime.parse(opens.strip()), end);
    }
}
