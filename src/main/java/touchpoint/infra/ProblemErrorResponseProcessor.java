package touchpoint.infra;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.context.annotation.Primary;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every error the service returns is {@code application/problem+json} naming the field at fault, and never
 * echoes stack traces or internal class names.
 */
@Singleton
@Primary
class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    /** Serde and validation messages mention the property as [name] or 'name'; this picks it out. */
    private static final Pattern PROPERTY = Pattern.compile("^(?:[\\w\\[\\]]+\\.)*(\\w+)(?:\\[\\d+])?: |property \\[(?:[\\w.<>, ]+ )?(\\w+)\\]|field '(\\w+)'");

    @Override
    @NonNull
    public MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext context, @NonNull MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        int status = response.code();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Error error : context.getErrors()) {
            // A path that starts with '/' names a whole argument (the body), not a field.
            String field = error.getPath().filter(p -> !p.startsWith("/")).map(ProblemErrorResponseProcessor::lastSegment)
                    .orElseGet(() -> fieldIn(error.getMessage()));
            errors.add(new Problem.FieldError(field, safeMessage(status, error.getMessage())));
        }
        String field = errors.stream().map(Problem.FieldError::field).filter(f -> f != null).findFirst().orElse(null);
        String detail = errors.isEmpty() ? null : errors.get(0).message();
        Problem problem = new Problem("about:blank", response.getStatus().getReason(), status, detail, field,
                errors.size() > 1 ? errors : null);
        return response.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    private static String lastSegment(String path) {
        String p = path.replaceAll("\\[\\d+]", "");
        int dot = p.lastIndexOf('.');
        return dot >= 0 ? p.substring(dot + 1) : p;
    }

    private static String fieldIn(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = PROPERTY.matcher(message);
        if (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    return m.group(g);
                }
            }
        }
        return null;
    }

    /** Server errors get a fixed text: their messages may carry internals. */
    private static String safeMessage(int status, String message) {
        if (status >= 500 || message == null) {
            return "The service could not complete the request.";
        }
        String firstLine = message.lines().findFirst().orElse(message);
        return firstLine.length() > 300 ? firstLine.substring(0, 300) : firstLine;
    }
}
