package touchpoint.contact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("contact")
record ContactRow(
        @Id String id,
        @Nullable String name,
        @Nullable String email,
        boolean verified,
        String attributes,
        @Nullable String mergedInto,
        @Nullable Instant erasedAt,
        Instant createdAt,
        Instant updatedAt) {

    ContactRow withProfile(@Nullable String newName, @Nullable String newEmail, boolean nowVerified, Instant at) {
        return new ContactRow(id, name == null ? newName : name, email == null ? newEmail : email, verified || nowVerified,
                attributes, mergedInto, erasedAt, createdAt, at);
    }

    ContactRow withAttributes(String json, Instant at) {
        return new ContactRow(id, name, email, verified, json, mergedInto, erasedAt, createdAt, at);
    }

    ContactRow mergedInto(String target, Instant at) {
        return new ContactRow(id, name, email, verified, attributes, target, erasedAt, createdAt, at);
    }

    /** What stays of an erased contact: its id (conversations and analytics refer to it) and when. */
    ContactRow erased(Instant at) {
        return new ContactRow(id, null, null, verified, "{}", mergedInto, at, createdAt, at);
    }
}
