package touchpoint.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.LiveSocket;

/**
 * An instance that shuts down closes its open customer and agent sockets, so widgets and consoles notice and
 * reconnect to another instance (where they catch up by sequence number) instead of waiting on a dead connection.
 */
class SocketShutdownIT {

    private static final String ADMIN_PASSWORD = "socket-shutdown-admin-1";

    @Test
    void should_close_open_customer_and_agent_sockets_when_the_instance_shuts_down() {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "touchpoint.test.scripted-knowledge", "true",
                "touchpoint.admin-password", ADMIN_PASSWORD,
                "datasources.default.url", "jdbc:h2:mem:socket-shutdown;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"),
                "test");
        LiveSocket customer;
        LiveSocket agent;
        try (HttpClient http = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            CustomerClient client = new CustomerClient(http.toBlocking());
            Reply c = client.start(null);
            customer = LiveSocket.open(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/conversations/" + c.string("id")
                    + "?token=" + c.string("token")));
            String adminToken = client.exchange(io.micronaut.http.HttpRequest.POST("/login",
                    Map.of("username", "admin", "password", ADMIN_PASSWORD))).string("access_token");
            agent = LiveSocket.open(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/agent?token=" + adminToken));
            agent.send("{\"watch\":\"" + c.string("id") + "\",\"after\":0}");
            await().atMost(Duration.ofSeconds(5)).until(() -> !agent.frames().isEmpty());
            assertThat(customer.closed()).isFalse();
            assertThat(agent.closed()).isFalse();
        }

        server.getApplicationContext().close();

        await().atMost(Duration.ofSeconds(10)).until(() -> customer.closed() && agent.closed());
    }
}
