package touchpoint.channel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import touchpoint.channel.ChannelTestClient;
import touchpoint.channel.WebhookReceiver;
import touchpoint.testing.EmbeddedInfra;

/**
 * Two instances on one PostgreSQL deliver one channel's outbox: the endpoint fails at first, one instance is stopped
 * while deliveries are pending, and every delivery still arrives, in order per conversation.
 */
class ApiChannelTwoInstancesIT {

    @Test
    void should_deliver_every_webhook_in_order_when_an_instance_stops_mid_delivery() throws Exception {
        Map<String, Object> props = new HashMap<>(EmbeddedInfra.postgresAndRedis(EmbeddedInfra.newDatabaseUrl()));
        props.put("touchpoint.test.scripted-knowledge", "true");
        props.put("touchpoint.webhooks.allow-private-networks", "true");
        props.put("touchpoint.channels.delivery-poll", "100ms");
        props.put("touchpoint.channels.backoff-initial", "100ms");
        props.put("touchpoint.channels.backoff-max", "300ms");
        props.put("touchpoint.channels.lease", "2s");
        try (WebhookReceiver receiver = new WebhookReceiver();
             EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, props, "test");
             EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, props, "test")) {
            AtomicInteger calls = new AtomicInteger();
            receiver.answer(() -> calls.incrementAndGet() <= 5 ? 500 : 200);
            JsonMapper json = first.getApplicationContext().getBean(JsonMapper.class);
            ChannelTestClient one = new ChannelTestClient(first.getURL().toString(), json,
                    first.getApplicationContext().getBean(JwtTokenGenerator.class));
            ChannelTestClient two = new ChannelTestClient(second.getURL().toString(), json,
                    second.getApplicationContext().getBean(JwtTokenGenerator.class));
            ChannelTestClient.Reply created = one.createApiChannel("Two instances", receiver.url());
            String channelId = (String) created.get("id");
            String apiKey = (String) created.get("apiKey");

            for (int i = 1; i <= 6; i++) {
                (i % 2 == 0 ? two : one).sendApiMessage(channelId, apiKey, "conv-" + (i % 3), "m-" + i, "what is your return policy " + i);
            }
            first.stop();
            for (int i = 7; i <= 9; i++) {
                two.sendApiMessage(channelId, apiKey, "conv-" + (i % 3), "m-" + i, "what is your return policy " + i);
            }

            // Each conversation: the greeting, then per customer message the bot's answer.
            int expected = 3 + 9;
            await().atMost(Duration.ofSeconds(30)).until(() -> messages(json, receiver).size() >= expected);
            List<Map<?, ?>> delivered = messages(json, receiver);
            Set<String> ids = new HashSet<>();
            Map<String, Long> last = new HashMap<>();
            for (Map<?, ?> data : delivered) {
                String conversation = (String) data.get("conversationId");
                long seq = ((Number) ((Map<?, ?>) data.get("message")).get("seq")).longValue();
                // At least once: a delivery cut off by the stop may arrive again, right after itself, never after a later one.
                assertThat(seq).as("order in %s", conversation).isGreaterThanOrEqualTo(last.getOrDefault(conversation, 0L));
                last.put(conversation, seq);
                ids.add(conversation + "#" + seq);
            }
            assertThat(ids).hasSize(expected);
        }
    }

    private static List<Map<?, ?>> messages(JsonMapper json, WebhookReceiver receiver) throws Exception {
        java.util.ArrayList<Map<?, ?>> out = new java.util.ArrayList<>();
        for (WebhookReceiver.Received r : receiver.accepted()) {
            Map<?, ?> body = json.readValue(r.body(), Map.class);
            if ("message.created".equals(body.get("type"))) {
                out.add((Map<?, ?>) body.get("data"));
            }
        }
        return out;
    }
}
