package touchpoint.infra;

import io.micronaut.core.annotation.Nullable;

/** The caller is known but may not do this. */
public non-sealed class Forbidden extends DomainException {

    public Forbidden(String message) {
        super(null, message);
    }

    public Forbidden(@Nullable String field, String message) {
        super(field, message);
    }
}
