package touchpoint.handoff;

import static org.awaitility.Awaitility.await;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import touchpoint.infra.Ids;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.LiveSocket;

/** The console's socket when checking its token is slow, as it is on a busy instance. */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.admin-password", value = StaffClient.ADMIN_PASSWORD)
@Property(name = "touchpoint.handoff.auto-assign", value = "false")
@Property(name = "touchpoint.test.slow-agent-lookup", value = "true")
class AgentSocketIT {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Test
    void should_apply_a_watch_command_once_the_socket_opens_when_it_is_sent_before_the_socket_is_checked() {
        StaffClient staff = new StaffClient(http.toBlocking());
        CustomerClient customer = new CustomerClient(http.toBlocking());
        String agent = staff.agentToken(staff.adminToken(), "wanda", List.of("support"));
        Reply c = customer.start(null);
        customer.say(c.string("id"), c.string("token"), "m1", "How do I return a lamp?");

        try (LiveSocket agentLive = LiveSocket.open(URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/agent?token=" + agent))) {
            agentLive.send("{\"watch\":\"" + c.string("id") + "\",\"after\":0}");
            await().atMost(Duration.ofSeconds(5)).until(() -> agentLive.frames().stream()
                    .anyMatch(f -> f.contains("CUSTOMER_ASKED") && f.contains("How do I return a lamp?")));
        }
    }

    /** Looks agents up slowly, so the socket's open handler is still checking when the first command arrives. */
    @Singleton
    @Replaces(AgentDirectory.class)
    @Requires(property = "touchpoint.test.slow-agent-lookup", value = "true")
    static class SlowAgentDirectory extends AgentDirectory {

        SlowAgentDirectory(AgentRepository agents, AgentTeamRepository agentTeams, TeamRepository teams,
                           Passwords passwords, Ids ids, Clock clock) {
            super(agents, agentTeams, teams, passwords, ids, clock);
        }

        @Override
        Optional<AgentRow> active(String id) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.active(id);
        }
    }
}
