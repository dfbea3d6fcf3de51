package touchpoint.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.LiveSocket;
import touchpoint.testing.TwoInstances;

/**
 * Two application instances on one PostgreSQL database and one Redis: live delivery crosses instances,
 * presence written on one is seen by the other's routing, a conversation is assigned once however many
 * instances try, and each conversation's messages reach sockets in sequence order.
 */
class HandoffTwoInstancesIT {

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    static TwoInstances instances;
    static EmbeddedServer a;
    static EmbeddedServer b;
    static HttpClient httpA;
    static HttpClient httpB;

    @BeforeAll
    static void startTwoInstances() {
        instances = TwoInstances.start(Map.of("touchpoint.admin-password", StaffClient.ADMIN_PASSWORD));
        a = instances.a;
        b = instances.b;
        httpA = instances.httpA;
        httpB = instances.httpB;
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    private static URI customerSocket(EmbeddedServer server, Reply c) {
        return URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/conversations/" + c.string("id") + "?token=" + c.string("token"));
    }

    private static URI agentSocket(EmbeddedServer server, String token) {
        return URI.create("ws://127.0.0.1:" + server.getPort() + "/ws/agent?token=" + token);
    }

    private static List<Long> seqsOf(List<String> frames, String conversationId) {
        List<Long> seqs = new ArrayList<>();
        for (String f : frames) {
            Matcher m = SEQ.matcher(f);
            if (f.contains(conversationId) && m.find()) {
                seqs.add(Long.parseLong(m.group(1)));
            }
        }
        return seqs;
    }

    @Test
    void should_let_a_assign_the_conversation_and_the_reply_from_b_reach_the_customer_on_a_when_a_customer_on_instance_a_asks_for_a_person_and_an_agent_is_online_on_instance_b() {
        StaffClient staffB = new StaffClient(httpB.toBlocking());
        CustomerClient customerA = new CustomerClient(httpA.toBlocking());
        String admin = staffB.adminToken();
        String agent = staffB.agentToken(admin, "bea", List.of("support"));
        assertThat(staffB.online(agent).status()).isEqualTo(200);
        Reply c = customerA.start(null);

        try (LiveSocket customerLive = LiveSocket.open(customerSocket(a, c));
             LiveSocket agentLive = LiveSocket.open(agentSocket(b, agent))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !agentLive.closed());
            Reply asked = customerA.say(c.string("id"), c.string("token"), "m1", "talk to a person");
            assertThat(asked.list("replies")).extracting(m -> m.get("type")).contains("HANDOFF_REQUESTED", "AGENT_JOINED");

            // The assignment made on A reaches the agent's console on B, which then follows the conversation.
            await().atMost(Duration.ofSeconds(10)).until(() -> agentLive.frames().stream().anyMatch(f -> f.contains("\"assigned\"")));
            assertThat(staffB.reply(agent, c.string("id"), "Hello from instance B").status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> customerLive.frames().stream().anyMatch(f -> f.contains("Hello from instance B")));
            customerA.say(c.string("id"), c.string("token"), "m2", "Thanks, from instance A");
            await().atMost(Duration.ofSeconds(10)).until(() -> agentLive.frames().stream().anyMatch(f -> f.contains("Thanks, from instance A")));
        }
    }

    @Test
    void should_let_exactly_one_claim_win_when_agents_on_both_instances_claim_one_conversation_at_once() throws Exception {
        StaffClient staffA = new StaffClient(httpA.toBlocking());
        StaffClient staffB = new StaffClient(httpB.toBlocking());
        CustomerClient customerA = new CustomerClient(httpA.toBlocking());
        String admin = staffA.adminToken();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // Routed to 'orders' where nobody is online, so nothing is assigned automatically before the race.
            tokens.add(staffA.agentToken(admin, "claimer" + i, List.of("orders")));
        }
        Reply c = customerA.start("{\"touchpoint\":\"orders\"}");
        customerA.say(c.string("id"), c.string("token"), "m1", "operator");

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                StaffClient via = i % 2 == 0 ? staffA : staffB;
                String token = tokens.get(i);
                results.add(pool.submit(() -> {
                    start.await();
                    return via.claim(token, c.string("id")).status();
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        List<Map<String, Object>> messages = customerA.messages(c.string("id"), c.string("token"), 0).list("messages");
        assertThat(messages).filteredOn(m -> "AGENT_JOINED".equals(m.get("type"))).hasSize(1);
    }

    @Test
    void should_deliver_each_message_to_the_sockets_once_and_in_order_when_customer_and_agent_write_at_once_through_different_instances() throws Exception {
        StaffClient staffB = new StaffClient(httpB.toBlocking());
        CustomerClient customerA = new CustomerClient(httpA.toBlocking());
        String admin = staffB.adminToken();
        String agent = staffB.agentToken(admin, "orla", List.of("returns"));
        Reply c = customerA.start("{\"touchpoint\":\"orders\"}");
        customerA.say(c.string("id"), c.string("token"), "m0", "speak to someone");
        assertThat(staffB.claim(agent, c.string("id")).status()).isEqualTo(200);
        String id = c.string("id");

        try (LiveSocket agentLive = LiveSocket.open(agentSocket(b, agent));
             LiveSocket customerLive = LiveSocket.open(customerSocket(a, c))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !agentLive.closed() && !customerLive.closed());
            Thread.sleep(300);
            long before = customerA.messages(id, c.string("token"), 0).list("messages").size();
            int n = 10;
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> customerSide = pool.submit(() -> {
                    for (int i = 0; i < n; i++) {
                        customerA.say(id, c.string("token"), "c" + i, "customer " + i);
                    }
                });
                Future<?> agentSide = pool.submit(() -> {
                    for (int i = 0; i < n; i++) {
                        staffB.reply(agent, id, "agent " + i);
                    }
                });
                customerSide.get();
                agentSide.get();
            } finally {
                pool.shutdownNow();
            }
            long last = before + 2L * n;

            await().atMost(Duration.ofSeconds(10)).until(() -> seqsOf(agentLive.frames(), id).contains(last));
            List<Long> agentSeqs = seqsOf(agentLive.frames(), id);
            assertThat(agentSeqs).isSorted().doesNotHaveDuplicates();
            assertThat(agentSeqs.subList(agentSeqs.indexOf(before + 1), agentSeqs.size())).hasSize(2 * n);

            await().atMost(Duration.ofSeconds(10)).until(() -> seqsOf(customerLive.frames(), id).size() >= 2 * n);
            assertThat(seqsOf(customerLive.frames(), id)).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.LongStream.rangeClosed(before + 1, last).boxed().toList());
        }
    }
}
