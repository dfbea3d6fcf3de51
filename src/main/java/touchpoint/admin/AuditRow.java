package touchpoint.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

@Serdeable
@MappedEntity("audit_log")
record AuditRow(
        @Id @GeneratedValue @Nullable Long id,
        Instant createdAt,
        String actor,
        String action,
        String target,
        @Nullable String detail) {
}
