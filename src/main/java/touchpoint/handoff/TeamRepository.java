package touchpoint.handoff;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TeamRepository extends CrudRepository<TeamRow, String> {

    List<TeamRow> listOrderByName();

    List<TeamRow> findByParent(String parent);
}
