package touchpoint.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@MicronautTest
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.security.headers.frame-ancestors", value = "'self' https://shop.example")
class SecurityHeadersIT {

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/assets/help.js", "/health", "/api/conversations/x/messages", "/api/nothing-here", "/no-such-page"})
    void should_send_hardening_headers_on_pages_api_answers_and_errors(String path) throws Exception {
        var headers = get(path).headers();

        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("script-src 'self'").contains("object-src 'none'")
                .doesNotContain("unsafe-inline").endsWith("frame-ancestors 'self' https://shop.example"));
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/conversations/x/messages", "/api/nothing-here"})
    void should_forbid_caching_of_api_answers(String path) throws Exception {
        assertThat(get(path).headers().firstValue("Cache-Control")).contains("no-store");
    }

    @org.junit.jupiter.api.Test
    void should_refuse_a_frame_ancestors_value_that_would_inject_another_directive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new touchpoint.infra.SecurityHeadersConfig("'self'; script-src *", "no-referrer"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
