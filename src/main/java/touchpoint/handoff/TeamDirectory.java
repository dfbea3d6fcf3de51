package touchpoint.handoff;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the teams as they are now: the hierarchy, whether a team takes conversations, its opening hours and its
 * response target. Nothing is cached: every instance reads the shared table, so an admin's change applies on all
 * of them with the next request, without a restart or an invalidation message.
 */
@Singleton
class TeamDirectory {

    private final TeamRepository teams;

    TeamDirectory(TeamRepository teams) {
        this.teams = teams;
    }

    Optional<TeamRow> find(String team) {
        return team == null ? Optional.empty() : teams.findById(team);
    }

    List<TeamRow> all() {
        return teams.listOrderByName();
    }

    /** A team that exists and is not archived: routing may send conversations to it. */
    boolean active(String team) {
        return team != null && !team.isBlank() && find(team).filter(t -> !t.archived()).isPresent();
    }

    /** These teams and every team below them, at any depth. */
    Set<String> withDescendants(Collection<String> roots) {
        Map<String, List<String>> children = all().stream().filter(t -> t.parent() != null)
                .collect(Collectors.groupingBy(TeamRow::parent, Collectors.mapping(TeamRow::name, Collectors.toList())));
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String team = todo.pop();
            if (seen.add(team)) {
                todo.addAll(children.getOrDefault(team, List.of()));
            }
        }
        return seen;
    }

    /** A team outside its opening hours, and when it is back (null when no opening is in sight). */
    record Closed(@io.micronaut.core.annotation.Nullable ZonedDateTime backAt) {
    }

    /** Empty while the team is open, or has no hours (which means always open). */
    Optional<Closed> closedUntil(String team, Instant now) {
        Optional<BusinessHours> hours = find(team).flatMap(TeamRow::hours);
        if (hours.isEmpty() || hours.get().isOpen(now)) {
            return Optional.empty();
        }
        return Optional.of(new Closed(hours.get().nextOpening(now).orElse(null)));
    }

    boolean closed(String team, Instant now) {
        return closedUntil(team, now).isPresent();
    }

    Optional<Duration> firstResponseTarget(String team) {
        return find(team).map(TeamRow::firstResponseTargetS).map(Duration::ofSeconds);
    }

    /** First-response targets in seconds by team, for the teams that have one. */
    Map<String, Integer> targetSeconds() {
        return all().stream().filter(t -> t.firstResponseTargetS() != null)
                .collect(Collectors.toMap(TeamRow::name, TeamRow::firstResponseTargetS));
    }

    /** Display names by key, for pages and customer-facing text. */
    Map<String, String> displayNames() {
        return all().stream().collect(Collectors.toMap(TeamRow::name, TeamRow::displayName));
    }

    String displayName(String team) {
        return find(team).map(TeamRow::displayName).orElse(team);
    }
}
