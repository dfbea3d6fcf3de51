package touchpoint.workspace;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CannedReplyRepository extends CrudRepository<CannedReplyRow, String> {

    List<CannedReplyRow> findAllOrderByShortcut();

    Optional<CannedReplyRow> findByShortcut(String shortcut);
}
