package touchpoint.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import touchpoint.infra.LiveBus;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.EmbeddedInfra;
import touchpoint.testing.LiveSocket;

/**
 * The configuration docker-compose runs: the same application on PostgreSQL and Redis, here embedded.
 * Two instances share one database and one Redis, as they would behind a load balancer.
 */
class PostgresRedisIT {

    static EmbeddedServer first;
    static EmbeddedServer second;

    @BeforeAll
    static void start() {
        Map<String, Object> props = new HashMap<>(EmbeddedInfra.postgresAndRedis(EmbeddedInfra.newDatabaseUrl()));
        props.put("touchpoint.test.scripted-knowledge", "true");
        first = ApplicationContext.run(EmbeddedServer.class, props, "test");
        second = ApplicationContext.run(EmbeddedServer.class, props, "test");
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static CustomerClient client(EmbeddedServer server) {
        return new CustomerClient(server.getApplicationContext().createBean(HttpClient.class, server.getURL()).toBlocking());
    }

    @Test
    void should_run_on_postgres_with_redis_fan_out() {
        assertThat(first.getApplicationContext().getBean(LiveBus.class).getClass().getSimpleName()).isEqualTo("RedisLiveBus");
        assertThat(first.getApplicationContext().getProperty("datasources.default.url", String.class).orElseThrow()).startsWith("jdbc:postgresql:");
    }

    @Test
    void should_deliver_a_message_sent_to_one_instance_to_a_socket_on_the_other() {
        CustomerClient onFirst = client(first);
        Reply c = onFirst.start("{\"touchpoint\":\"checkout\"}");
        URI uri = URI.create("ws://127.0.0.1:" + second.getPort() + "/ws/conversations/" + c.string("id") + "?token=" + c.string("token"));

        try (LiveSocket socket = LiveSocket.open(uri)) {
            await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> true);
            onFirst.say(c.string("id"), c.string("token"), "m1", "How do I return a chair?");

            await().atMost(Duration.ofSeconds(5)).until(() -> socket.frames().size() >= 2);
            assertThat(socket.frames().get(0)).contains("\"seq\":3");
            assertThat(socket.frames().get(1)).contains("\"seq\":4").contains("return-policy");
        }
    }

    @Test
    void should_keep_sequence_numbers_gapless_when_two_instances_write_one_conversation_concurrently() throws Exception {
        CustomerClient a = client(first);
        CustomerClient b = client(second);
        Reply c = a.start(null);
        int perInstance = 10;

        Thread t1 = new Thread(() -> {
            for (int i = 0; i < perInstance; i++) {
                a.say(c.string("id"), c.string("token"), "a" + i, "return policy " + i);
            }
        });
        Thread t2 = new Thread(() -> {
            for (int i = 0; i < perInstance; i++) {
                b.say(c.string("id"), c.string("token"), "b" + i, "return policy " + i);
            }
        });
        t1.start();
        t2.start();
        t1.join();
        t2.join();

        Reply all = b.messages(c.string("id"), c.string("token"), 0);
        var seqs = all.list("messages").stream().map(m -> ((Number) m.get("seq")).intValue()).toList();
        assertThat(seqs).hasSize(2 + perInstance * 2 * 2);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(i + 1);
        }
    }

    @Test
    void should_store_a_client_message_id_once_even_when_sent_to_both_instances() {
        Reply c = client(first).start(null);

        client(first).say(c.string("id"), c.string("token"), "dup", "How do I return a chair?");
        Reply again = client(second).say(c.string("id"), c.string("token"), "dup", "How do I return a chair?");

        assertThat(again.status()).isEqualTo(200);
        assertThat(client(second).messages(c.string("id"), c.string("token"), 0).list("messages")).hasSize(4);
    }
}
