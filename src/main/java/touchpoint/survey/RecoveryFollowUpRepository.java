package touchpoint.survey;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RecoveryFollowUpRepository extends CrudRepository<RecoveryFollowUpRow, Long> {

    List<RecoveryFollowUpRow> findByTaskIdInListOrderBySentAt(Collection<Long> taskIds);

    List<RecoveryFollowUpRow> findByConversationId(String conversationId);
}
