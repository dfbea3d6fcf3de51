package touchpoint.infra;

import io.micronaut.core.annotation.Nullable;

/**
 * A use case refused for a reason the caller can act on. Services throw a subclass named for the reason
 * ({@code ConversationNotFound}, {@code AlreadyClaimed}) and know nothing of HTTP; {@link DomainExceptionHandler}
 * alone turns the kind below into a problem+json status. The kinds are closed so that every refusal has a status;
 * features extend them.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, Conflict, InvalidRequest, Forbidden, Unauthenticated, TooLarge {

    private final String field;

    protected DomainException(@Nullable String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, so a client can point at it; null when the request as a whole is. */
    @Nullable
    public String field() {
        return field;
    }

    /** The message as a person reads it: prefixed by the field when there is one. */
    public String detail() {
        return field == null ? getMessage() : field + ": " + getMessage();
    }
}
