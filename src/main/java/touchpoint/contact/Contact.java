package touchpoint.contact;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A person as Touchpoint knows them. {@code verified} is true once an identity that proves who they are is
 * attached; an anonymous visitor's contact is not. Lists and maps are always present.
 *
 * @param identities how the contact is recognised (visitor keys are never shown)
 * @param attributes custom attributes (plan, vip, orders...), as strings
 */
@Serdeable
public record Contact(String id, @Nullable String name, @Nullable String email, boolean verified,
                      Map<String, String> attributes, List<IdentityView> identities, @Nullable Instant erasedAt,
                      Instant createdAt, Instant updatedAt) {

    @Serdeable
    public record IdentityView(String kind, String scope, String value) {
    }
}
