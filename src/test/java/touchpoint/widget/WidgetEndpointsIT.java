package touchpoint.widget;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

@MicronautTest
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
class WidgetEndpointsIT {

    /** The budget the issue sets for what a shop's visitors download. */
    private static final int GZIP_BUDGET_BYTES = 30 * 1024;

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void should_serve_the_widget_script_with_public_caching_and_an_etag() throws Exception {
        HttpResponse<byte[]> r = get("/widget.js");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(r.headers().firstValue("ETag")).hasValueSatisfying(v -> assertThat(v).matches("W/\"[0-9a-f]{32}\""));
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("document.currentScript").contains("attachShadow");
    }

    @Test
    void should_answer_not_modified_when_the_browser_has_the_current_version() throws Exception {
        String etag = get("/widget.js").headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = get("/widget.js", "If-None-Match", etag);
        HttpResponse<byte[]> stale = get("/widget.js", "If-None-Match", "W/\"0123\"");

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(stale.statusCode()).isEqualTo(200);
    }

    @Test
    void should_gzip_the_script_for_clients_that_accept_it() throws Exception {
        byte[] plain = get("/widget.js").body();

        HttpResponse<byte[]> zipped = get("/widget.js", "Accept-Encoding", "gzip");

        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.body().length).isLessThan(plain.length / 2);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
    }

    @Test
    void should_keep_the_widget_under_30_kb_gzipped() throws IOException {
        byte[] script;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("widget/widget.js")) {
            script = in.readAllBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(script);
        }

        assertThat(out.size()).isLessThan(GZIP_BUDGET_BYTES);
    }

    @Test
    void should_serve_the_demo_shop_embedding_the_widget_with_one_tag() throws Exception {
        HttpResponse<byte[]> r = get("/demo");

        assertThat(r.statusCode()).isEqualTo(200);
        String html = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("Hearth &amp; Pine").containsOnlyOnce("<script")
                .contains("<script src=\"/widget.js\" data-touchpoint=\"demo-shop\"");
        assertThat(get("/demo/shop.css").statusCode()).isEqualTo(200);
    }

    @Test
    void should_put_a_strict_content_security_policy_on_the_services_pages() throws Exception {
        for (String path : new String[] {"/demo", "/", "/widget.js"}) {
            HttpResponse<byte[]> r = get(path);

            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'self'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
        }
    }

    @Test
    void should_let_pages_on_other_sites_call_the_api_by_default() throws Exception {
        String origin = "http://127.0.0.1:1";

        HttpResponse<byte[]> preflight = preflight(origin);

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
        assertThat(String.join(",", preflight.headers().allValues("Access-Control-Allow-Headers")).toLowerCase())
                .contains("authorization").contains("content-type");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    HttpResponse<byte[]> preflight(String origin) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/conversations")).timeout(Duration.ofSeconds(5))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }
}
