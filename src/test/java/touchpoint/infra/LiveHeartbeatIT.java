package touchpoint.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.LiveSocket;

/**
 * Open sockets hear from the server even when nothing happens, so clients can tell a quiet socket from a dead one.
 * The interval is an hour here and the beat is triggered by hand, so the test does not depend on timing.
 */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.admin-password", value = LiveHeartbeatIT.ADMIN_PASSWORD)
@Property(name = "touchpoint.live.heartbeat", value = "1h")
class LiveHeartbeatIT {

    static final String ADMIN_PASSWORD = "heartbeat-admin-1";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    LiveHeartbeat heartbeat;

    @Test
    void should_send_customer_and_agent_sockets_a_heartbeat_with_its_interval_on_open_and_on_every_beat() {
        CustomerClient client = new CustomerClient(http.toBlocking());
        Reply c = client.start(null);
        String adminToken = client.exchange(HttpRequest.POST("/login",
                Map.of("username", "admin", "password", ADMIN_PASSWORD))).string("access_token");
        try (LiveSocket customer = LiveSocket.open(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/conversations/"
                + c.string("id") + "?token=" + c.string("token")));
             LiveSocket agent = LiveSocket.open(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/agent?token=" + adminToken))) {

            await().atMost(Duration.ofSeconds(5)).until(() -> customer.heartbeats() == 1 && agent.heartbeats() == 1);
            assertThat(customer.lastHeartbeat()).isEqualTo("{\"type\":\"heartbeat\",\"everyMs\":3600000}");
            assertThat(agent.lastHeartbeat()).isEqualTo(customer.lastHeartbeat());

            heartbeat.beat();

            await().atMost(Duration.ofSeconds(5)).until(() -> customer.heartbeats() == 2 && agent.heartbeats() == 2);
            assertThat(customer.frames()).as("heartbeats are not messages").isEmpty();
        }
    }
}
