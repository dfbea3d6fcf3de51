package touchpoint.widget;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A production-like setting: only the shop's own origins may call the API from the widget. */
@MicronautTest
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.widget.allowed-origins", value = "http://127.0.0.1:4001,http://127.0.0.1:4002")
@Property(name = "touchpoint.security.headers.frame-ancestors", value = "'none'")
class WidgetAllowedOriginsIT {

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void should_allow_each_configured_origin() throws Exception {
        for (String origin : new String[] {"http://127.0.0.1:4001", "http://127.0.0.1:4002"}) {
            HttpResponse<Void> r = preflight(origin);

            assertThat(r.statusCode()).as(origin).isEqualTo(200);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(origin).hasValue(origin);
        }
    }

    @Test
    void should_refuse_an_origin_that_is_not_listed() throws Exception {
        HttpResponse<Void> r = preflight("http://127.0.0.1:4003");

        assertThat(r.statusCode()).isNotEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void should_use_the_configured_frame_ancestors() throws Exception {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/demo"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).endsWith("frame-ancestors 'none'"));
    }

    private HttpResponse<Void> preflight(String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/api/conversations"))
                .timeout(Duration.ofSeconds(5))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build(), HttpResponse.BodyHandlers.discarding());
    }
}
