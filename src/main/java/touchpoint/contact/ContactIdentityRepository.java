package touchpoint.contact;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ContactIdentityRepository extends CrudRepository<ContactIdentityRow, Long> {

    Optional<ContactIdentityRow> findByKindAndScopeAndValueKey(String kind, String scope, String valueKey);

    List<ContactIdentityRow> findByContactIdOrderById(String contactId);

    void deleteByContactId(String contactId);

    void deleteByContactIdAndKind(String contactId, String kind);
}
