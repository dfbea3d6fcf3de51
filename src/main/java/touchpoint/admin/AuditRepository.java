package touchpoint.admin;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRepository extends CrudRepository<AuditRow, Long> {

    @Query("SELECT * FROM audit_log WHERE id < :before ORDER BY id DESC LIMIT :limit")
    List<AuditRow> findByIdLessThanOrderByIdDesc(long before, int limit);

    @Query("SELECT * FROM audit_log WHERE target = :target AND id < :before ORDER BY id DESC LIMIT :limit")
    List<AuditRow> findByTargetAndIdLessThanOrderByIdDesc(String target, long before, int limit);
}
