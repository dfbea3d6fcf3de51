package touchpoint.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;

@MicronautTest
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
class OperationsIT {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void should_report_health_without_credentials() {
        String body = http.toBlocking().retrieve("/health");

        assertThat(body).contains("\"status\":\"UP\"");
    }

    @Test
    void should_expose_message_answer_and_latency_metrics_for_prometheus() {
        CustomerClient customer = new CustomerClient(http.toBlocking());
        var c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "How do I return a lamp?");
        customer.say(c.string("id"), c.string("token"), "m2", "Do you sell boats?");

        String metrics = http.toBlocking().retrieve("/prometheus");

        assertThat(metrics).contains("touchpoint_messages_total").contains("touchpoint_answers_total")
                .contains("touchpoint_fallbacks_total").contains("touchpoint_reply_latency_seconds");
    }

    @Test
    void should_serve_the_openapi_document() {
        String yaml = http.toBlocking().retrieve("/openapi/touchpoint-1.0.yml");

        assertThat(yaml).contains("/api/conversations/{id}/messages");
    }

    @Test
    void should_serve_the_chat_page_at_the_root() {
        String html = http.toBlocking().retrieve(HttpRequest.GET("/"));

        assertThat(html).contains("<title>").contains("/assets/help.js").contains("/widget.js");
    }

    @Test
    void should_answer_an_unknown_route_with_a_problem() {
        var reply = new CustomerClient(http.toBlocking()).exchange(HttpRequest.GET("/api/nothing-here"));

        assertThat(reply.status()).isIn(401, 404);
        assertThat(reply.body()).containsKey("status");
    }
}
