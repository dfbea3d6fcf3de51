package touchpoint.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failing delivery with later ones waiting behind it is tried again within {@code probe-interval}, however long its
 * backoff has grown, so a queue held back by an outage goes soon after the endpoint recovers; a failing delivery with
 * nothing behind it keeps its backoff. The backoff here starts at a minute, so any delivery within seconds of a failure
 * was the probe's.
 */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.webhooks.allow-private-networks", value = "true")
@Property(name = "touchpoint.survey.enabled", value = "false")
@Property(name = "touchpoint.channels.delivery-poll", value = "100ms")
@Property(name = "touchpoint.channels.backoff-initial", value = "60s")
@Property(name = "touchpoint.channels.backoff-max", value = "1h")
@Property(name = "touchpoint.channels.probe-interval", value = "1s")
@Property(name = "touchpoint.admin-password", value = "outbox-probe-admin-1")
class OutboxProbeIT {

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Inject
    JwtTokenGenerator tokens;

    @Inject
    DeliveryLog log;

    ChannelTestClient client;
    WebhookReceiver receiver;
    String channelId;
    String apiKey;

    @BeforeEach
    void setUp() throws Exception {
        client = new ChannelTestClient(server.getURL().toString(), json, tokens);
        receiver = new WebhookReceiver();
        ChannelTestClient.Reply created = client.createApiChannel("Probe " + System.nanoTime(), receiver.url());
        assertThat(created.status()).isEqualTo(201);
        channelId = (String) created.get("id");
        apiKey = (String) created.get("apiKey");
        // The conversation's opening deliveries go through first, so what fails below is one delivery alone.
        assertThat(client.sendApiMessage(channelId, apiKey, "probe-1", "m-0", "what is your return policy").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> pending().isEmpty() && !receiver.accepted().isEmpty());
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void should_try_a_long_backed_off_delivery_again_within_the_probe_interval_once_others_wait_behind_it() {
        receiver.answer(() -> 500);
        int before = receiver.calls();
        client.sendApiMessage(channelId, apiKey, "probe-1", "m-1", "what is your return policy, again");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.calls() > before);
        assertThat(pending()).singleElement().satisfies(e -> assertThat(e.nextAttemptAt()).isAfter(Instant.now().plusSeconds(20)));

        receiver.answer(() -> 200);
        int accepted = receiver.accepted().size();
        client.sendApiMessage(channelId, apiKey, "probe-1", "m-2", "what is your return policy, once more");

        // Without the probe the first delivery would wait at least 30 s more, and the second behind it.
        await().atMost(Duration.ofSeconds(15)).until(() -> pending().isEmpty());
        List<WebhookReceiver.Received> delivered = receiver.accepted();
        assertThat(delivered).hasSize(accepted + 2);
        List<Long> ids = delivered.stream().map(r -> Long.parseLong(r.header("webhook-id").substring("msg_".length()))).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void should_keep_the_backoff_of_a_failing_delivery_with_nothing_behind_it() throws Exception {
        receiver.answer(() -> 500);
        int before = receiver.calls();
        client.sendApiMessage(channelId, apiKey, "probe-1", "m-1", "what is your return policy, again");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.calls() > before);

        Thread.sleep(3000);

        assertThat(receiver.calls()).isEqualTo(before + 1);
        assertThat(pending()).singleElement().satisfies(e -> assertThat(e.nextAttemptAt()).isAfter(Instant.now().plusSeconds(20)));
    }

    private List<DeliveryLog.Entry> pending() {
        return log.latest(channelId, "PENDING", DeliveryLog.MAX_LIMIT);
    }
}
