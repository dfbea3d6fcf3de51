package touchpoint.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@MicronautTest
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
class DashboardResourcesIT {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void should_serve_the_dashboard_its_script_and_chart_js_from_the_webjar_without_a_token() {
        String page = http.toBlocking().retrieve(HttpRequest.GET("/admin/analytics.html"));

        assertThat(page).contains("<script src=\"/webjars/chart.js/4.4.7/dist/chart.umd.js\"")
                .contains("<script src=\"/assets/admin/analytics.js\"");
        // No inline scripts: every <script> tag loads a file.
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(page).find()).isFalse();
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/assets/admin/analytics.js"))).contains("/api/analytics/summary");
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/webjars/chart.js/4.4.7/dist/chart.umd.js"))).contains("Chart");
    }
}
