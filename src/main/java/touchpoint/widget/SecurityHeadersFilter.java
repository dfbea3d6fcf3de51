package touchpoint.widget;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Hardening headers on every response of the service, so its own pages (help page, demo, consoles) run only
 * their own scripts and cannot be framed by strangers. The widget on other sites is governed by those sites'
 * policies, not this one: it needs no inline script, and its styles are a constructed stylesheet in a shadow
 * root, so {@code style-src} needs no 'unsafe-inline'. A response that already carries a policy keeps it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeadersFilter {

    static final String CSP = "Content-Security-Policy";

    private final String policy;

    SecurityHeadersFilter(WidgetConfig config) {
        String ancestors = config.frameAncestors().strip();
        if (ancestors.isEmpty() || ancestors.matches(".*[;,\\r\\n].*")) {
            // One directive's value only: a ';' would let configuration smuggle in, or cancel, other directives.
            throw new IllegalArgumentException("touchpoint.widget.frame-ancestors must be CSP sources such as 'self' or 'none'");
        }
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors " + ancestors;
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if ("websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeaders.UPGRADE))) {
            return; // a WebSocket handshake: no page to protect, and its timing is left alone
        }
        var headers = response.getHeaders();
        if (!headers.contains(CSP)) {
            headers.add(CSP, policy);
        }
        if (!headers.contains("X-Content-Type-Options")) {
            headers.add("X-Content-Type-Options", "nosniff");
        }
        if (!headers.contains("Referrer-Policy")) {
            // Links in answers lead to other sites; they learn at most that a visitor came from this origin.
            headers.add("Referrer-Policy", "strict-origin-when-cross-origin");
        }
    }
}
