package touchpoint.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.webhooks.allow-private-networks", value = "false")
class ChannelAdminIT {

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Inject
    JwtTokenGenerator tokens;

    @Inject
    ChannelRepository channels;

    ChannelTestClient client;

    @BeforeEach
    void setUp() {
        client = new ChannelTestClient(server.getURL().toString(), json, tokens);
    }

    @Test
    void should_show_an_api_channels_secrets_once_and_never_again() {
        ChannelTestClient.Reply created = client.createApiChannel("Mobile app", "https://hooks.example.com/touchpoint");

        assertThat(created.status()).isEqualTo(201);
        String id = (String) created.get("id");
        String apiKey = (String) created.get("apiKey");
        String secret = (String) created.get("webhookSecret");
        assertThat(apiKey).isNotBlank();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSizeBetween(24, 64);
        assertThat(created.get("secrets")).isEqualTo(Map.of("apiKey", true, "webhookSecret", true));

        ChannelTestClient.Reply one = client.admin("GET", "/api/admin/channels/" + id, null);
        ChannelTestClient.Reply all = client.admin("GET", "/api/admin/channels", null);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.get("secrets")).isEqualTo(Map.of("apiKey", true, "webhookSecret", true));
        assertThat(one.get("settings")).isEqualTo(Map.of("webhookUrl", "https://hooks.example.com/touchpoint"));
        assertThat(one.raw()).doesNotContain(apiKey).doesNotContain(secret.substring(6));
        assertThat(all.raw()).doesNotContain(apiKey).doesNotContain(secret.substring(6));
        assertThat(all.list()).extracting(c -> c.get("type")).contains("web", "api");
    }

    @Test
    void should_keep_the_api_key_only_hashed_and_the_webhook_secret_only_encrypted() {
        ChannelTestClient.Reply created = client.createApiChannel("Stored", "https://hooks.example.com/stored");
        String stored = channels.findById((String) created.get("id")).orElseThrow().secrets();

        String secret = (String) created.get("webhookSecret");
        assertThat(stored).doesNotContain((String) created.get("apiKey")).doesNotContain(secret.substring(6))
                .contains(touchpoint.infra.Ids.hash((String) created.get("apiKey")));
    }

    @Test
    void should_disable_and_enable_a_channel_and_keep_its_secrets() {
        String id = (String) client.createApiChannel("Toggle", "https://hooks.example.com/t").get("id");

        ChannelTestClient.Reply disabled = client.admin("PUT", "/api/admin/channels/" + id, "{\"enabled\":false}");
        ChannelTestClient.Reply enabled = client.admin("PUT", "/api/admin/channels/" + id, "{\"enabled\":true,\"name\":\"Renamed\"}");

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.get("enabled")).isEqualTo(false);
        assertThat(disabled.map()).doesNotContainKeys("apiKey", "webhookSecret");
        assertThat(enabled.get("enabled")).isEqualTo(true);
        assertThat(enabled.get("name")).isEqualTo("Renamed");
        assertThat(enabled.get("secrets")).isEqualTo(Map.of("apiKey", true, "webhookSecret", true));
        assertThat(enabled.get("settings")).isEqualTo(Map.of("webhookUrl", "https://hooks.example.com/t"));
    }

    @Test
    void should_refuse_a_webhook_url_on_the_services_own_network() {
        ChannelTestClient.Reply loopback = client.createApiChannel("Loopback", "http://127.0.0.1:8080/admin");
        ChannelTestClient.Reply metadata = client.createApiChannel("Metadata", "http://169.254.169.254/latest/meta-data");
        ChannelTestClient.Reply privateNet = client.createApiChannel("Private", "http://10.1.2.3/hook");

        assertThat(loopback.status()).isEqualTo(400);
        assertThat(loopback.raw()).contains("webhookUrl");
        assertThat(metadata.status()).isEqualTo(400);
        assertThat(privateNet.status()).isEqualTo(400);
    }

    @Test
    void should_refuse_unknown_types_fields_and_the_widgets_channel() {
        ChannelTestClient.Reply unknownType = client.admin("POST", "/api/admin/channels", "{\"type\":\"fax\",\"name\":\"Fax\"}");
        ChannelTestClient.Reply unknownField = client.admin("POST", "/api/admin/channels",
                "{\"type\":\"api\",\"name\":\"X\",\"webhookUrl\":\"https://hooks.example.com/x\",\"webhookURL\":\"typo\"}");
        ChannelTestClient.Reply missingUrl = client.admin("POST", "/api/admin/channels", "{\"type\":\"api\",\"name\":\"X\"}");
        ChannelTestClient.Reply web = client.admin("PUT", "/api/admin/channels/web", "{\"enabled\":false}");
        ChannelTestClient.Reply missing = client.admin("GET", "/api/admin/channels/no-such-channel", null);

        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.raw()).contains("webhookURL");
        assertThat(missingUrl.status()).isEqualTo(400);
        assertThat(web.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.raw()).contains("\"status\":404");
    }

    @Test
    void should_refuse_the_channel_admin_api_without_an_admin_token() {
        ChannelTestClient.Reply anonymous = client.send("GET", "/api/admin/channels", null, null);

        assertThat(anonymous.status()).isEqualTo(401);
    }
}
