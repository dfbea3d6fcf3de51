package touchpoint.infra;

import io.micronaut.core.annotation.Nullable;

/** What the caller sent is more than the service takes at once. */
public non-sealed class TooLarge extends DomainException {

    public TooLarge(String message) {
        super(null, message);
    }

    public TooLarge(@Nullable String field, String message) {
        super(field, message);
    }
}
