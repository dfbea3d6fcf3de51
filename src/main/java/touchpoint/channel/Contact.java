package touchpoint.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What a channel knows of the customer behind a thread; any part may be unknown. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contact(@Nullable String externalId, @Nullable String email, @Nullable String name) {

    public static final Contact UNKNOWN = new Contact(null, null, null);

    /** This contact with the parts {@code newer} knows replacing ours. */
    Contact updatedBy(Contact newer) {
        if (newer == null) {
            return this;
        }
        return new Contact(newer.externalId() != null ? newer.externalId() : externalId,
                newer.email() != null ? newer.email() : email, newer.name() != null ? newer.name() : name);
    }
}
