package touchpoint.handoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Routes conversations to a team by touchpoint ({@code kind = touchpoint}) or FAQ tag ({@code kind = tag}). */
@MappedEntity("team_route")
record TeamRouteRow(@Id @GeneratedValue @Nullable Long id, String kind, String routeKey, String team) {
}
