package touchpoint.infra;

import io.micronaut.core.annotation.Nullable;

/** What the caller asked for does not exist (or the caller may not learn that it does). */
public non-sealed class NotFound extends DomainException {

    public NotFound(String message) {
        super(null, message);
    }

    public NotFound(@Nullable String field, String message) {
        super(field, message);
    }
}
