package touchpoint.analytics;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The analytics read tables. Only {@link AnalyticsProjector} writes the first four. */
final class Repositories {

    private Repositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Facts extends CrudRepository<ConversationFactRow, String> {
        List<ConversationFactRow> findByStartedDayBetweenOrderByStartedAt(LocalDate from, LocalDate to);

        /** Conversations written since {@code since} whose analytics rows are missing or behind their log. */
        @io.micronaut.data.annotation.Query(value = """
                SELECT c.id FROM conversation c
                LEFT JOIN analytics_conversation a ON a.conversation_id = c.id
                WHERE c.updated_at >= :since AND (a.conversation_id IS NULL OR a.last_seq < c.last_seq)
                ORDER BY c.updated_at
                LIMIT :limit""", nativeQuery = true)
        List<String> findBehind(Instant since, int limit);

        /** Conversations whose rows were projected by rules older than {@code version}, whatever their age. */
        @io.micronaut.data.annotation.Query(value = """
                SELECT conversation_id FROM analytics_conversation WHERE projection_version < :version
                LIMIT :limit""", nativeQuery = true)
        List<String> findOutdated(int version, int limit);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface SurveyAnswers extends CrudRepository<SurveyAnswerRow, Long> {
        void deleteByConversationId(String conversationId);

        List<SurveyAnswerRow> findByAnsweredAtBetweenOrderByAnsweredAt(Instant from, Instant to);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Answers extends CrudRepository<AnswerRow, Long> {
        void deleteByConversationId(String conversationId);

        List<AnswerRow> findByAnsweredAtBetweenOrderByAnsweredAt(Instant from, Instant to);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface GapQuestions extends CrudRepository<GapQuestionRow, Long> {
        void deleteByConversationId(String conversationId);

        List<GapQuestionRow> findByAskedAtBetweenOrderByAskedAt(Instant from, Instant to);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Proposals extends CrudRepository<PhrasingProposalRow, Long> {
        List<PhrasingProposalRow> findByStatusOrderByCreatedAt(String status);

        List<PhrasingProposalRow> findAllOrderByCreatedAt();

        boolean existsByFaqIdAndNormalizedText(String faqId, String normalizedText);

        void deleteByConversationId(String conversationId);
    }
}
