package touchpoint.handoff;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PresenceRepository extends CrudRepository<PresenceRow, String> {

    /** Serialises assignments to one agent across instances, so per-agent capacity holds. */
    @Query("SELECT * FROM agent_presence WHERE agent_id = :agentId FOR UPDATE")
    Optional<PresenceRow> findByIdForUpdate(String agentId);

    /** Online, enabled members of a team with a fresh heartbeat, least recently assigned first (round-robin). */
    @Query("""
            SELECT p.* FROM agent_presence p
            JOIN agent a ON a.id = p.agent_id
            JOIN agent_team t ON t.agent_id = p.agent_id
            WHERE t.team = :team AND a.disabled = FALSE AND p.status = 'ONLINE' AND p.last_heartbeat_at > :freshSince
            ORDER BY p.last_assigned_at ASC NULLS FIRST, a.username ASC""")
    List<PresenceRow> findAvailable(String team, Instant freshSince);

    @Query("""
            SELECT p.* FROM agent_presence p
            JOIN agent a ON a.id = p.agent_id
            WHERE a.disabled = FALSE AND p.status = 'ONLINE' AND p.last_heartbeat_at > :freshSince""")
    List<PresenceRow> findOnline(Instant freshSince);
}
