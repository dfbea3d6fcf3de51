package touchpoint.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.LiveSocket;
import touchpoint.testing.TwoInstances;

/**
 * Two instances on one PostgreSQL database and one Redis: an organisation change or a supervisor's move made on one
 * instance is what the other serves at once, and its consoles hear about it without polling.
 */
class OrganisationTwoInstancesIT {

    static TwoInstances instances;

    @BeforeAll
    static void start() {
        instances = TwoInstances.start(Map.of("touchpoint.admin-password", StaffClient.ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    private static URI agentSocket(EmbeddedServer server, String token) {
        return URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/agent?token=" + token);
    }

    private static URI customerSocket(EmbeddedServer server, Reply c) {
        return URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/conversations/" + c.string("id") + "?token=" + c.string("token"));
    }

    private static String team(StaffClient staff, String admin, String name, String touchpoint) {
        Reply t = staff.post("/api/admin/teams", admin, "{\"name\":\"" + name + "\"}");
        assertThat(t.status()).isEqualTo(201);
        assertThat(staff.post("/api/admin/teams/" + t.string("id") + "/routes", admin,
                "{\"kind\":\"touchpoint\",\"key\":\"" + touchpoint + "\"}").status()).isEqualTo(201);
        return t.string("id");
    }

    @Test
    void should_let_a_supervisor_on_one_instance_reassign_a_waiting_conversation_to_an_agent_on_the_other() {
        StaffClient staffA = new StaffClient(instances.httpA.toBlocking());
        StaffClient staffB = new StaffClient(instances.httpB.toBlocking());
        CustomerClient customerA = new CustomerClient(instances.httpA.toBlocking());
        String admin = staffA.adminToken();
        String team = team(staffA, admin, "Two instance desk", "two-instance-desk");
        String agentId = staffA.createAgent(admin, "dana", List.of(team));
        String agent = staffA.token("dana", "dana-password-1");
        String bossId = staffA.createAgent(admin, "sven", List.of(team));
        assertThat(staffA.put("/api/admin/users/" + bossId, admin, "{\"roles\":[\"SUPERVISOR\"]}").status()).isEqualTo(200);
        String supervisor = staffB.token("sven", "sven-password-1");
        // Dana is away, so the conversation waits instead of being assigned to her automatically.
        assertThat(staffA.put("/api/agent/presence", agent, "{\"status\":\"away\"}").status()).isEqualTo(200);
        Reply c = customerA.start("{\"touchpoint\":\"two-instance-desk\"}");
        customerA.say(c.string("id"), c.string("token"), "m1", "talk to a person");

        try (LiveSocket agentLive = LiveSocket.open(agentSocket(instances.a, agent));
             LiveSocket customerLive = LiveSocket.open(customerSocket(instances.a, c))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !agentLive.closed() && !customerLive.closed());
            Reply overview = staffB.get("/api/supervisor/overview", supervisor);
            assertThat(overview.list("waiting")).anyMatch(w -> c.string("id").equals(w.get("conversationId")));

            Reply moved = staffB.post("/api/supervisor/conversations/" + c.string("id") + "/reassign", supervisor,
                    "{\"team\":\"" + team + "\",\"agentId\":\"" + agentId + "\"}");

            assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> agentLive.frames().stream().anyMatch(f -> f.contains("\"assigned\"")
                    && f.contains(c.string("id"))));
            await().atMost(Duration.ofSeconds(10)).until(() -> customerLive.frames().stream().anyMatch(f -> f.contains("Dana has joined")));
            assertThat(staffA.get("/api/agent/queue", agent).list("mine")).anyMatch(m -> c.string("id").equals(m.get("conversationId")));
            assertThat(staffB.get("/api/supervisor/overview", supervisor).list("live"))
                    .anyMatch(l -> c.string("id").equals(l.get("conversationId")) && agentId.equals(l.get("agentId")));
        }
    }

    @Test
    void should_show_an_agent_moved_on_one_instance_the_other_teams_queue_on_the_other_and_tell_their_console() {
        StaffClient staffA = new StaffClient(instances.httpA.toBlocking());
        StaffClient staffB = new StaffClient(instances.httpB.toBlocking());
        CustomerClient customerA = new CustomerClient(instances.httpA.toBlocking());
        String admin = staffA.adminToken();
        String from = team(staffA, admin, "Move from", "move-from");
        String to = team(staffA, admin, "Move to", "move-to");
        String agentId = staffA.createAgent(admin, "moritz", List.of(from));
        String agent = staffB.token("moritz", "moritz-password-1");
        Reply c = customerA.start("{\"touchpoint\":\"move-to\"}");
        customerA.say(c.string("id"), c.string("token"), "m1", "talk to a person");

        try (LiveSocket console = LiveSocket.open(agentSocket(instances.b, agent))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !console.closed());
            int before = console.frames().size();

            assertThat(staffA.put("/api/admin/users/" + agentId, admin, "{\"teams\":[\"" + to + "\"]}").status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> console.frames().stream().skip(before)
                    .anyMatch(f -> f.contains("TEAMS_CHANGED")));
            assertThat(staffB.get("/api/agent/queue", agent).list("waiting"))
                    .anyMatch(w -> c.string("id").equals(w.get("conversationId")) && Boolean.TRUE.equals(w.get("myTeam")));
        }
    }
}
