package touchpoint.infra;

import io.micronaut.core.annotation.Nullable;

/** The request is well formed but the current state refuses it: someone was faster, or it was done already. */
public non-sealed class Conflict extends DomainException {

    public Conflict(String message) {
        super(null, message);
    }

    public Conflict(@Nullable String field, String message) {
        super(field, message);
    }
}
