package touchpoint.infra;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@link LoginThrottle} in front of {@code POST /login}: a locked user name or address answers 429 with
 * {@code Retry-After} before any password is checked, and the outcome of each checked sign-in is counted (a failed
 * one is also announced as {@link SignInFailed} for the audit log). It sits outside the login endpoint because the
 * endpoint and its authentication provider cannot answer 429.
 */
@ServerFilter("/login")
class LoginThrottleFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleFilter.class);
    private static final String USER = LoginThrottleFilter.class.getName() + ".user";
    private static final String ADDRESS = LoginThrottleFilter.class.getName() + ".address";
    private static final int MAX_USERNAME = 100;

    private final LoginThrottle throttle;
    private final RateLimitConfig rateLimits;
    private final JsonMapper json;
    private final ApplicationEventPublisher<SignInFailed> failed;

    LoginThrottleFilter(LoginThrottle throttle, RateLimitConfig rateLimits, JsonMapper json,
                        ApplicationEventPublisher<SignInFailed> failed) {
        this.throttle = throttle;
        this.rateLimits = rateLimits;
        this.json = json;
        this.failed = failed;
    }

    @Override
    public int getOrder() {
        // After the per-address request limit, so a flood is refused before its bodies are parsed.
        return ServerFilterPhase.FIRST.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<Problem> check(HttpRequest<?> request, @Nullable @Body String body) {
        if (request.getMethod() != HttpMethod.POST) {
            return null;
        }
        String user = username(request, body);
        String address = ClientAddress.of(request, rateLimits.clientAddressHeader());
        request.setAttribute(USER, user);
        request.setAttribute(ADDRESS, address);
        long wait = throttle.lockedFor(address, user);
        return wait == 0 ? null : RateLimitFilter.tooMany(wait, "Too many failed sign-ins");
    }

    @ResponseFilter
    void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String user = request.getAttribute(USER, String.class).orElse(null);
        String address = request.getAttribute(ADDRESS, String.class).orElse(null);
        if (user == null || address == null) {
            return;
        }
        if (response.getStatus() == HttpStatus.UNAUTHORIZED) {
            LoginThrottle.Failure failure = throttle.failed(address, user);
            long lockedSeconds = failure.lockedNanos() == 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(failure.lockedNanos() + 999_999_999L));
            LOG.info("sign-in failed failuresInARow={} lockedSeconds={}", failure.userFailures(), lockedSeconds);
            // Async: the audit row is a database write, and this runs on the event loop.
            failed.publishEventAsync(new SignInFailed(user, address, failure.userFailures(), lockedSeconds));
        } else if (response.getStatus().getCode() < 400) {
            throttle.succeeded(user);
        }
    }

    /** The user name the body names, normalised as the login does; empty when there is none. */
    private String username(HttpRequest<?> request, @Nullable String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String name = null;
        MediaType type = request.getContentType().orElse(MediaType.APPLICATION_JSON_TYPE);
        if (type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals("username")) {
                    name = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        } else {
            try {
                Object value = json.readValue(body, Map.class).get("username");
                name = value == null ? null : value.toString();
            } catch (IOException | RuntimeException e) {
                name = null;
            }
        }
        return clean(name);
    }

    /** Lower-cased and trimmed, so "Admin " and "admin" share one count; no control characters reach the logs. */
    static String clean(@Nullable String name) {
        if (name == null) {
            return "";
        }
        String s = name.strip().toLowerCase(Locale.ROOT).replaceAll("\\p{Cntrl}", "");
        return s.length() > MAX_USERNAME ? s.substring(0, MAX_USERNAME) : s;
    }
}
