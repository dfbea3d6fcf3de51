package touchpoint.handoff;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CaseRepository extends CrudRepository<CaseRow, String> {

    List<CaseRow> findByStateOrderByRequestedAt(String state);

    List<CaseRow> findByStateAndTeamOrderByRequestedAt(String state, String team);

    List<CaseRow> findByAgentIdAndState(String agentId, String state);

    long countByAgentIdAndState(String agentId, String state);
}
