package touchpoint.channel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import touchpoint.channel.ChannelTestClient;
import touchpoint.channel.WebhookReceiver;
import touchpoint.testing.EmbeddedInfra;

/**
 * Instances serve channels from memory; an admin's change made on one instance reaches the others over the live bus at
 * once. The in-memory copy is kept for ten minutes here, so only the announcement can make these pass in time.
 */
class ChannelChangesAcrossInstancesIT {

    /** Redis pub/sub between two instances on one machine: milliseconds, with room for a loaded test machine. */
    private static final Duration AT_ONCE = Duration.ofSeconds(3);

    @Test
    void should_refuse_a_disabled_channel_and_a_rotated_key_on_every_instance_at_once() throws Exception {
        Map<String, Object> props = new HashMap<>(EmbeddedInfra.postgresAndRedis(EmbeddedInfra.newDatabaseUrl()));
        props.put("touchpoint.test.scripted-knowledge", "true");
        props.put("touchpoint.webhooks.allow-private-networks", "true");
        props.put("touchpoint.channels.cache-for", "10m");
        try (WebhookReceiver receiver = new WebhookReceiver();
             EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, props, "test");
             EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, props, "test")) {
            JsonMapper json = first.getApplicationContext().getBean(JsonMapper.class);
            ChannelTestClient admin = new ChannelTestClient(first.getURL().toString(), json,
                    first.getApplicationContext().getBean(JwtTokenGenerator.class));
            ChannelTestClient other = new ChannelTestClient(second.getURL().toString(), json,
                    second.getApplicationContext().getBean(JwtTokenGenerator.class));
            // The second instance holds its channels in memory before the channel exists.
            assertThat(other.sendApiMessage("no-such-channel", "tpk_none", "t", "m-0", "hello").status()).isEqualTo(401);

            ChannelTestClient.Reply created = admin.createApiChannel("Across instances", receiver.url());
            String channelId = (String) created.get("id");
            String apiKey = (String) created.get("apiKey");
            await().atMost(AT_ONCE).until(() -> other.sendApiMessage(channelId, apiKey, "t", "m-1", "hello").status() == 200);

            assertThat(admin.admin("PUT", "/api/admin/channels/" + channelId, "{\"enabled\":false}").status()).isEqualTo(200);
            await().atMost(AT_ONCE).until(() -> other.sendApiMessage(channelId, apiKey, "t", "m-2", "hello").status() == 409);
            assertThat(admin.sendApiMessage(channelId, apiKey, "t", "m-2", "hello").status()).isEqualTo(409);

            assertThat(admin.admin("PUT", "/api/admin/channels/" + channelId, "{\"enabled\":true}").status()).isEqualTo(200);
            await().atMost(AT_ONCE).until(() -> other.sendApiMessage(channelId, apiKey, "t", "m-3", "hello").status() == 200);

            ChannelTestClient.Reply rotated = admin.admin("PUT", "/api/admin/channels/" + channelId, "{\"rotateSecrets\":true}");
            String newKey = (String) rotated.get("apiKey");
            assertThat(newKey).isNotBlank().isNotEqualTo(apiKey);
            await().atMost(AT_ONCE).until(() -> other.sendApiMessage(channelId, apiKey, "t", "m-4", "hello").status() == 401);
            assertThat(other.sendApiMessage(channelId, newKey, "t", "m-5", "hello").status()).isEqualTo(200);
            assertThat(admin.sendApiMessage(channelId, apiKey, "t", "m-6", "hello").status()).isEqualTo(401);
        }
    }
}
