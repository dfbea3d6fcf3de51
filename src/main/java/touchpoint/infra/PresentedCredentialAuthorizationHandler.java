package touchpoint.infra;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * 401 means "say who you are"; 403 means "who you are may not do this". A customer's conversation token sent
 * to a staff endpoint is a credential, just not one that grants staff access, so it gets 403. Micronaut sees
 * such a token as no credential at all (it is not a JWT, so no validator accepts it) and would answer 401.
 *
 * <p>The rule: a rejected request that carries an {@code Authorization: Bearer} value that is not shaped like
 * a JWT (three dot-separated parts) answers 403. A JWT that fails validation (expired, bad signature) still
 * answers 401, because logging in again fixes it. Authorization decisions themselves are unchanged: this only
 * chooses the status of a rejection.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class PresentedCredentialAuthorizationHandler extends DefaultAuthorizationExceptionHandler {

    /** Stands in for the presented credential so the parent renders its usual 403 problem body. */
    private static final Authentication PRESENTED = Authentication.build("presented-non-staff-credential");

    PresentedCredentialAuthorizationHandler(ErrorResponseProcessor<?> errorResponseProcessor,
                                            RedirectConfiguration redirectConfiguration,
                                            RedirectService redirectService,
                                            List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challengeProviders,
                                            @Nullable PriorToLoginPersistence priorToLoginPersistence) {
        super(errorResponseProcessor, redirectConfiguration, redirectService, challengeProviders, priorToLoginPersistence);
    }

    @Override
    protected MutableHttpResponse<?> httpResponseWithStatus(HttpRequest<?> request, AuthorizationException e) {
        if (!e.isForbidden() && presentsNonJwtBearer(request)) {
            return super.httpResponseWithStatus(request, new AuthorizationException(PRESENTED));
        }
        return super.httpResponseWithStatus(request, e);
    }

    static boolean presentsNonJwtBearer(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String token = header.substring(7).trim();
        return !token.isEmpty() && token.split("\\.", -1).length != 3;
    }
}
