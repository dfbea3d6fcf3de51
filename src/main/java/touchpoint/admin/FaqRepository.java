package touchpoint.admin;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface FaqRepository extends CrudRepository<FaqRow, String> {

    /** Serialises writers of one FAQ, so the revision check and the new revision are one step. */
    @Query("SELECT * FROM faq WHERE id = :id FOR UPDATE")
    Optional<FaqRow> findByIdForUpdate(String id);

    List<FaqRow> findAllOrderById();
}
