package touchpoint.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import touchpoint.infra.InvalidRequest;

class BusinessHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static BusinessHours weekdays(List<String> holidays) {
        return BusinessHours.of("Europe/Berlin", List.of(
                new BusinessHours.Opening("MONDAY", "09:00", "12:00"), new BusinessHours.Opening("monday", "13:00", "17:00"),
                new BusinessHours.Opening("TUESDAY", "09:00", "17:00"), new BusinessHours.Opening("FRIDAY", "09:00", "24:00")),
                holidays);
    }

    private static Instant berlin(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void should_be_open_inside_an_interval_and_closed_over_lunch_and_at_closing_time() {
        BusinessHours hours = weekdays(List.of());

        assertThat(hours.isOpen(berlin("2026-12-07T09:00"))).isTrue();
        assertThat(hours.isOpen(berlin("2026-12-07T12:30"))).isFalse();
        assertThat(hours.isOpen(berlin("2026-12-07T17:00"))).isFalse();
        assertThat(hours.isOpen(berlin("2026-12-11T23:59:59"))).isTrue();
    }

    @Test
    void should_name_the_next_opening_after_lunch_the_weekend_and_holidays() {
        BusinessHours hours = weekdays(List.of("2026-12-14", "2026-12-15"));

        assertThat(hours.nextOpening(berlin("2026-12-07T12:30"))).contains(ZonedDateTime.of(2026, 12, 7, 13, 0, 0, 0, BERLIN));
        assertThat(hours.nextOpening(berlin("2026-12-12T10:00"))).contains(ZonedDateTime.of(2026, 12, 18, 9, 0, 0, 0, BERLIN));
    }

    @Test
    void should_keep_wall_clock_hours_across_a_daylight_saving_change() {
        BusinessHours hours = weekdays(List.of());

        // 29 March 2026 is the Sunday Berlin moves to summer time; Monday still opens at 09:00 local time.
        assertThat(hours.nextOpening(berlin("2026-03-28T10:00")).orElseThrow().toLocalTime()).hasToString("09:00");
        assertThat(hours.isOpen(Instant.parse("2026-03-30T07:00:00Z"))).isTrue();
    }

    @Test
    void should_survive_being_stored_and_read_back() {
        BusinessHours hours = weekdays(List.of("2026-12-25"));

        BusinessHours read = BusinessHours.parse(hours.zone().getId(), hours.weeklyText(), hours.holidaysText());

        assertThat(read).isEqualTo(hours);
        assertThat(read.weeklyText()).isEqualTo("MONDAY=09:00-12:00,13:00-17:00;TUESDAY=09:00-17:00;FRIDAY=09:00-24:00");
    }

    @Test
    void should_refuse_unknown_zones_overlaps_and_intervals_that_close_before_they_open() {
        assertThatThrownBy(() -> BusinessHours.of("Mars/Olympus", List.of(new BusinessHours.Opening("MONDAY", "09:00", "17:00")), List.of()))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("time zone");
        assertThatThrownBy(() -> BusinessHours.of("UTC", List.of(new BusinessHours.Opening("MONDAY", "09:00", "12:00"),
                new BusinessHours.Opening("MONDAY", "11:00", "13:00")), List.of())).hasMessageContaining("overlap");
        assertThatThrownBy(() -> BusinessHours.of("UTC", List.of(new BusinessHours.Opening("MONDAY", "17:00", "09:00")), List.of()))
                .hasMessageContaining("close after");
        assertThatThrownBy(() -> BusinessHours.of("UTC", List.of(), List.of())).hasMessageContaining("at least once");
    }

    @Test
    void should_write_when_the_team_is_back_in_the_customers_language_and_the_teams_zone() {
        String text = HandoffQueue.outsideHoursText("Billing", ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, BERLIN), "de");

        assertThat(text).contains("Montag, 7. Dezember 2026").contains("09:00").contains("Europe/Berlin");
        assertThat(HandoffQueue.outsideHoursText("Billing", null, "en")).doesNotContain("back on").contains("Leave your email");
        assertThat(Locale.forLanguageTag("de")).isEqualTo(Locale.GERMAN);
    }
}
