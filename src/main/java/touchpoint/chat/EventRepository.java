package touchpoint.chat;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface EventRepository extends CrudRepository<EventRow, Long> {

    List<EventRow> findByConversationIdOrderBySeq(String conversationId);

    List<EventRow> findByConversationIdAndSeqGreaterThanOrderBySeq(String conversationId, long seq);

    Optional<EventRow> findByMessageId(String messageId);

    List<EventRow> findByCreatedAtBetweenOrderByCreatedAt(Instant from, Instant to);
}
