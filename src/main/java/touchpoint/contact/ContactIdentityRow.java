package touchpoint.contact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("contact_identity")
record ContactIdentityRow(
        @Id @GeneratedValue @Nullable Long id,
        String contactId,
        String kind,
        String scope,
        String valueKey,
        Instant createdAt) {
}
