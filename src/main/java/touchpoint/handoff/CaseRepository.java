package touchpoint.handoff;

import io.micronaut.data.annotation.Query;
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

    /** Waiting and open conversations of archived teams: nobody will take them there. */
    @Query("""
            SELECT c.* FROM handoff_case c JOIN team t ON t.name = c.team
            WHERE c.state IN ('WAITING', 'ACTIVE') AND t.archived = TRUE ORDER BY c.requested_at""")
    List<CaseRow> findOpenInArchivedTeams();

    /** Open conversations held by a disabled agent: nobody will answer them. */
    @Query("""
            SELECT c.* FROM handoff_case c JOIN agent a ON a.id = c.agent_id
            WHERE c.state = 'ACTIVE' AND a.disabled = TRUE ORDER BY c.requested_at""")
    List<CaseRow> findActiveWithDisabledAgents();
}
