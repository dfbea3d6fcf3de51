package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A team (see V10__agents.sql and V70__teams_organisation.sql). {@code name} is the team's key, kept when it is
 * renamed: cases, routes and memberships refer to it; {@code displayName} is what people read.
 */
@MappedEntity("team")
record TeamRow(@Id String name, String displayName, @Nullable String parent, boolean archived,
               @Nullable Integer firstResponseTargetS, @Nullable String hoursZone, @Nullable String hoursWeekly,
               @Nullable String hoursHolidays) {

    TeamRow renamed(String newDisplayName) {
        return new TeamRow(name, newDisplayName, parent, archived, firstResponseTargetS, hoursZone, hoursWeekly, hoursHolidays);
    }

    TeamRow withParent(@Nullable String newParent) {
        return new TeamRow(name, displayName, newParent, archived, firstResponseTargetS, hoursZone, hoursWeekly, hoursHolidays);
    }

    TeamRow withArchived(boolean nowArchived) {
        return new TeamRow(name, displayName, parent, nowArchived, firstResponseTargetS, hoursZone, hoursWeekly, hoursHolidays);
    }

    TeamRow withTarget(@Nullable Integer seconds) {
        return new TeamRow(name, displayName, parent, archived, seconds, hoursZone, hoursWeekly, hoursHolidays);
    }

    TeamRow withHours(@Nullable BusinessHours hours) {
        return hours == null
                ? new TeamRow(name, displayName, parent, archived, firstResponseTargetS, null, null, null)
                : new TeamRow(name, displayName, parent, archived, firstResponseTargetS, hours.zone().getId(),
                        hours.weeklyText(), hours.holidaysText());
    }

    /** The opening hours; empty when the team has none, which means always open. */
    java.util.Optional<BusinessHours> hours() {
        return hoursZone == null ? java.util.Optional.empty()
                : java.util.Optional.of(BusinessHours.parse(hoursZone, hoursWeekly, hoursHolidays));
    }
}
