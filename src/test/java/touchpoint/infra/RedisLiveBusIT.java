package touchpoint.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** Found by the fault bench: an instance started while Redis was down answered 500 to every message. */
class RedisLiveBusIT {

    @Test
    void should_start_without_redis_and_deliver_once_redis_is_back() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
        RedisLiveBus bus = new RedisLiveBus(client);
        List<String> received = new CopyOnWriteArrayList<>();
        bus.subscribe(m -> received.add(m.topic() + "=" + m.json()));
        RedisServer redis = new RedisServer(port);
        try {
            assertThat(bus.connected()).isFalse();
            bus.publish("conversation:x", "{\"seq\":1}");

            redis.start();
            await().atMost(Duration.ofSeconds(10)).until(bus::connected);
            bus.publish("conversation:x", "{\"seq\":2}");

            await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("conversation:x={\"seq\":2}"));
        } finally {
            bus.close();
            client.shutdown();
            redis.stop();
        }
    }
}
