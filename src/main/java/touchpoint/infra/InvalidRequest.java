package touchpoint.infra;

import io.micronaut.core.annotation.Nullable;

/** A request the service refuses whatever the state, naming the field at fault (null when the body as a whole is wrong). */
public non-sealed class InvalidRequest extends DomainException {

    public InvalidRequest(String message) {
        super(null, message);
    }

    public InvalidRequest(@Nullable String field, String message) {
        super(field, message);
    }
}
