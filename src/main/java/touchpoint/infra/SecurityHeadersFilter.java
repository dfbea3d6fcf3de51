package touchpoint.infra;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Hardening headers on every response, errors included: the service's pages run only their own scripts and
 * styles and cannot be framed by strangers, browsers never guess a content type, and API answers (which carry
 * conversation text) are never cached by a browser or a proxy. A header a response already carries (a page
 * with a policy of its own) is kept.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeadersFilter implements Ordered {

    static final String CSP = "Content-Security-Policy";

    private final String policy;
    private final String referrerPolicy;

    SecurityHeadersFilter(SecurityHeadersConfig config) {
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors " + config.frameAncestors();
        this.referrerPolicy = config.referrerPolicy();
    }

    @Override
    public int getOrder() {
        // Response filters run in reverse order: the earliest phase sees the response last, after every error handler.
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if ("websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeaders.UPGRADE))) {
            // A WebSocket handshake has no page to protect. Only that upgrade: HTTP clients offer "h2c" too.
            return;
        }
        MutableHttpHeaders headers = response.getHeaders();
        setIfAbsent(headers, CSP, policy);
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "Referrer-Policy", referrerPolicy);
        if (request.getPath().startsWith("/api/")) {
            setIfAbsent(headers, "Cache-Control", "no-store");
        }
    }

    private static void setIfAbsent(MutableHttpHeaders headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.add(name, value);
        }
    }
}
