package touchpoint.infra;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The one place where a service's refusal becomes an HTTP status and a problem+json body. */
@Singleton
@Requires(classes = ExceptionHandler.class)
class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DomainException e) {
        HttpStatus status = statusOf(e);
        return HttpResponse.<Problem>status(status)
                .body(new Problem("about:blank", status.getReason(), status.getCode(), e.detail(), e.field(), null))
                .contentType(Problem.MEDIA_TYPE);
    }

    static HttpStatus statusOf(DomainException e) {
        if (e instanceof NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof Conflict) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof Forbidden) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof Unauthenticated) {
            return HttpStatus.UNAUTHORIZED;
        }
        if (e instanceof TooLarge) {
            return HttpStatus.REQUEST_ENTITY_TOO_LARGE;
        }
        return HttpStatus.BAD_REQUEST;
    }
}
