package touchpoint.chat;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConversationRepository extends CrudRepository<ConversationRow, String> {

    /** Serialises writers of one conversation so sequence numbers have no gaps and no duplicates. */
    @Query("SELECT * FROM conversation WHERE id = :id FOR UPDATE")
    Optional<ConversationRow> findByIdForUpdate(String id);

    List<ConversationRow> findByStatusOrderByUpdatedAt(String status);

    List<ConversationRow> findByContactIdOrderByCreatedAt(String contactId);

    List<ConversationRow> findByContactIdIsNotNullAndCreatedAtBetweenOrderByCreatedAt(java.time.Instant from, java.time.Instant to);

    @Query("SELECT id FROM conversation WHERE updated_at < :cutoff AND (redacted_seq IS NULL OR redacted_seq < last_seq) "
            + "ORDER BY updated_at LIMIT :limit")
    List<String> findUnredactedBefore(java.time.Instant cutoff, int limit);
}
