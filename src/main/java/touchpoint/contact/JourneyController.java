package touchpoint.contact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.Roles;

/** The dashboard's journey figures. */
@Controller("/api/analytics/journey")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Analytics")
class JourneyController {

    // The dashboard's default range, as for the other figures.
    private static final int DEFAULT_DAYS = 30;
    private static final int MAX_DAYS = 366;

    private final JourneyFigures figures;
    private final Clock clock;

    JourneyController(JourneyFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @Get("{?from,to}")
    @Operation(summary = "Repeat contacts within 7 days (and about the same FAQ), where customers go after a fallback or a low score, CSAT by touchpoint sequence")
    JourneyFigures.Figures journey(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (start.isAfter(end) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidRequest("from", "must be on or before to, and at most " + MAX_DAYS + " days before it");
        }
        return figures.compute(start, end);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(field, "must be a date such as 2026-03-01");
        }
    }
}
