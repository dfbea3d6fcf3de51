package touchpoint.survey;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RecoveryTaskRepository extends CrudRepository<RecoveryTaskRow, Long> {

    Optional<RecoveryTaskRow> findByConversationId(String conversationId);

    List<RecoveryTaskRow> findByStatusOrderByCreatedAt(String status);

    List<RecoveryTaskRow> findAllOrderByCreatedAt();
}
