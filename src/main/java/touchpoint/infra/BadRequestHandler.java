package touchpoint.infra;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Singleton
@Requires(classes = {BadRequestException.class, ExceptionHandler.class})
class BadRequestHandler implements ExceptionHandler<BadRequestException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, BadRequestException e) {
        String detail = e.field() == null ? e.getMessage() : e.field() + ": " + e.getMessage();
        return HttpResponse.<Problem>badRequest(new Problem("about:blank", "Bad Request", 400, detail, e.field(), null))
                .contentType(Problem.MEDIA_TYPE);
    }
}
