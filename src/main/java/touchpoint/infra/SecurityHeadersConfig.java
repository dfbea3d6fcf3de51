package touchpoint.infra;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Hardening headers on every response.
 *
 * @param frameAncestors CSP {@code frame-ancestors} sources: which sites may show the service's pages in a frame
 *     ({@code 'self'} by default; {@code 'none'} forbids framing; the widget itself is a script, not a frame)
 * @param referrerPolicy what a followed link tells the next site about where the visitor came from
 */
@ConfigurationProperties("touchpoint.security.headers")
public record SecurityHeadersConfig(
        @Bindable(defaultValue = "'self'") String frameAncestors,
        @Bindable(defaultValue = "strict-origin-when-cross-origin") String referrerPolicy) {

    public SecurityHeadersConfig {
        if (frameAncestors == null || frameAncestors.isBlank() || frameAncestors.matches("(?s).*[;,\\r\\n].*")) {
            // One directive's value only: a ';' would let configuration smuggle in, or cancel, other directives.
            throw new IllegalArgumentException("touchpoint.security.headers.frame-ancestors must be CSP sources such as 'self' or 'none'");
        }
        frameAncestors = frameAncestors.strip();
    }
}
