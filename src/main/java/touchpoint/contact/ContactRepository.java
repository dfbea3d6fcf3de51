package touchpoint.contact;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ContactRepository extends CrudRepository<ContactRow, String> {

    @Query("SELECT * FROM contact WHERE id = :id FOR UPDATE")
    Optional<ContactRow> findByIdForUpdate(String id);

    /** Known (not merged away, not erased) contacts whose name, e-mail or identity contains the text. */
    @Query("SELECT c.* FROM contact c WHERE c.merged_into IS NULL AND c.erased_at IS NULL AND (LOWER(c.name) LIKE :pattern "
            + "OR LOWER(c.email) LIKE :pattern OR c.id = :exact OR EXISTS (SELECT 1 FROM contact_identity i "
            + "WHERE i.contact_id = c.id AND i.kind <> 'VISITOR' AND LOWER(i.value_key) LIKE :pattern)) "
            + "ORDER BY c.updated_at DESC LIMIT :limit")
    List<ContactRow> search(String pattern, String exact, int limit);
}
