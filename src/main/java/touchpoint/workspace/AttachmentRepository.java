package touchpoint.workspace;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AttachmentRepository extends CrudRepository<AttachmentRow, String> {

    Optional<AttachmentRow> findByIdAndConversationId(String id, String conversationId);

    List<AttachmentRow> findByConversationId(String conversationId);

    void deleteByConversationId(String conversationId);
}
