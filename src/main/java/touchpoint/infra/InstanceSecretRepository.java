package touchpoint.infra;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface InstanceSecretRepository extends GenericRepository<InstanceSecretRow, String> {

    /** Keeps the first value written: instances starting together each offer one, and all read back the winner. */
    @Query("INSERT INTO instance_secret (name, secret, created_at) VALUES (:name, :secret, :createdAt) ON CONFLICT DO NOTHING")
    void insertIfAbsent(String name, String secret, Instant createdAt);

    Optional<InstanceSecretRow> findById(String name);
}
