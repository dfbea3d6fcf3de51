package touchpoint.survey;

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
}
