package touchpoint.infra;

import io.micronaut.core.annotation.Nullable;

/** The caller did not say who they are. */
public non-sealed class Unauthenticated extends DomainException {

    public Unauthenticated(String message) {
        super(null, message);
    }

    public Unauthenticated(@Nullable String field, String message) {
        super(field, message);
    }
}
