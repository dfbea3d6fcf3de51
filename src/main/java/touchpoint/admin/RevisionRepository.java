package touchpoint.admin;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RevisionRepository extends CrudRepository<RevisionRow, Long> {

    Optional<RevisionRow> findByFaqIdAndRevision(String faqId, long revision);

    List<RevisionRow> findByFaqIdOrderByRevisionDesc(String faqId);

    /** The newest revision of every FAQ, deleted ones included (the editor can show and restore them). */
    @Query("SELECT r.* FROM faq_revision r JOIN faq f ON f.id = r.faq_id AND r.revision = f.head_revision ORDER BY r.faq_id")
    List<RevisionRow> findHeads();

    /** What customers get: the published revision of every FAQ that is not deleted. */
    @Query("SELECT r.* FROM faq_revision r JOIN faq f ON f.id = r.faq_id AND r.revision = f.published_revision"
            + " WHERE f.deleted_at IS NULL ORDER BY r.faq_id")
    List<RevisionRow> findPublished();
}
