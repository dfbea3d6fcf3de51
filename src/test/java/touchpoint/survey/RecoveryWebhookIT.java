package touchpoint.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import touchpoint.chat.Transcript;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.TranscriptScript;

/** A new recovery task is POSTed to the configured webhook; the receiver here is a plain JDK HTTP server. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
class RecoveryWebhookIT implements TestPropertyProvider {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Transcript transcript;

    @Override
    public Map<String, String> getProperties() {
        try {
            receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        receiver.createContext("/hooks/recovery", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        return Map.of("touchpoint.survey.recovery-webhook-url",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/recovery");
    }

    @AfterAll
    void stop() {
        receiver.stop(0);
    }

    @Test
    void should_post_each_new_recovery_task_to_the_webhook() {
        CustomerClient customer = new CustomerClient(http.toBlocking());
        Reply c = customer.start(null);
        new TranscriptScript(transcript).agentResolves(c.string("id"), "returns", "ann");

        Reply answered = customer.exchange(HttpRequest.POST("/api/conversations/" + c.string("id") + "/survey-answers",
                "{\"questionId\":\"ces\",\"score\":1}").contentType(MediaType.APPLICATION_JSON).bearerAuth(c.string("token")));

        assertThat(answered.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        assertThat(received.get(0)).contains("\"event\":\"recovery_task_created\"").contains(c.string("id"))
                .contains("\"reason\":\"low CES 1\"").contains("\"status\":\"open\"");
    }
}
