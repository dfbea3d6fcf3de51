package touchpoint.handoff;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TeamRouteRepository extends CrudRepository<TeamRouteRow, Long> {

    Optional<TeamRouteRow> findByKindAndRouteKey(String kind, String routeKey);

    List<TeamRouteRow> findByTeamOrderByKindAscAndRouteKeyAsc(String team);
}
