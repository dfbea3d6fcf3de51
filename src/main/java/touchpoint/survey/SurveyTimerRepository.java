package touchpoint.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SurveyTimerRepository extends CrudRepository<SurveyTimerRow, Long> {

    Optional<SurveyTimerRow> findByConversationIdAndKind(String conversationId, String kind);

    List<SurveyTimerRow> findByDueAtLessThanEqualsOrderByDueAt(Instant now);

    void deleteByConversationIdAndKindAndRefSeqLessThan(String conversationId, String kind, long seq);

    /** Moves the timer to a later event; 0 when there is none, or it already stands at or after {@code refSeq}. */
    @Query("""
            UPDATE survey_timer SET question_id = :questionId, ref_seq = :refSeq, due_at = :dueAt
            WHERE conversation_id = :conversationId AND kind = :kind AND ref_seq < :refSeq""")
    int advance(String conversationId, String kind, @Nullable String questionId, long refSeq, Instant dueAt);

    @Query("""
            INSERT INTO survey_timer (conversation_id, kind, question_id, ref_seq, due_at)
            VALUES (:conversationId, :kind, :questionId, :refSeq, :dueAt) ON CONFLICT DO NOTHING""")
    int insertIfAbsent(String conversationId, String kind, @Nullable String questionId, long refSeq, Instant dueAt);
}
