package touchpoint.channel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import touchpoint.channel.ChannelTestClient;
import touchpoint.channel.ChannelTestClient.Reply;
import touchpoint.channel.SpecVerifier;
import touchpoint.channel.WebhookReceiver;
import touchpoint.chat.Transcript;
import touchpoint.contact.Contacts;
import touchpoint.contact.Identity;

@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.webhooks.allow-private-networks", value = "true")
@Property(name = "touchpoint.channels.delivery-poll", value = "100ms")
@Property(name = "touchpoint.channels.backoff-initial", value = "100ms")
@Property(name = "touchpoint.channels.backoff-max", value = "400ms")
@Property(name = "touchpoint.admin-password", value = "api-channel-admin-1")
class ApiChannelIT {

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Inject
    JwtTokenGenerator tokens;

    @Inject
    Transcript transcript;

    @Inject
    Contacts contacts;

    ChannelTestClient client;
    WebhookReceiver receiver;
    String channelId;
    String apiKey;
    String secret;

    @BeforeEach
    void setUp() throws Exception {
        client = new ChannelTestClient(server.getURL().toString(), json, tokens);
        receiver = new WebhookReceiver();
        Reply created = client.createApiChannel("App " + System.nanoTime(), receiver.url());
        assertThat(created.status()).isEqualTo(201);
        channelId = (String) created.get("id");
        apiKey = (String) created.get("apiKey");
        secret = (String) created.get("webhookSecret");
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void should_answer_an_api_message_with_the_bots_reply_in_the_same_conversation() {
        Reply first = client.sendApiMessage(channelId, apiKey, "app-conv-1", "m-1", "what is your return policy");
        Reply second = client.sendApiMessage(channelId, apiKey, "app-conv-1", "m-2", "thanks");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.map()).containsKeys("conversationId", "accepted", "replies");
        assertThat(castMap(first.get("accepted")).get("text")).isEqualTo("what is your return policy");
        assertThat(castList(first.get("replies"))).extracting(r -> r.get("type")).contains("BOT_ANSWERED");
        assertThat(second.get("conversationId")).isEqualTo(first.get("conversationId"));
        assertThat(transcript.conversation((String) first.get("conversationId")).orElseThrow().channelType()).isEqualTo("api");
        String contactId = contacts.contactOf((String) first.get("conversationId")).orElseThrow();
        assertThat(contacts.find(Identity.externalId(channelId, "cust-1"))).get().extracting(c -> c.id()).isEqualTo(contactId);
    }

    @Test
    void should_store_a_repeated_client_message_id_once_and_answer_the_same() {
        Reply first = client.sendApiMessage(channelId, apiKey, "app-conv-2", "same-id", "what is your return policy");
        Reply again = client.sendApiMessage(channelId, apiKey, "app-conv-2", "same-id", "what is your return policy");

        assertThat(again.status()).isEqualTo(200);
        assertThat(castMap(again.get("accepted")).get("id")).isEqualTo(castMap(first.get("accepted")).get("id"));
        assertThat(castList(again.get("replies"))).extracting(r -> r.get("id"))
                .isEqualTo(castList(first.get("replies")).stream().map(r -> r.get("id")).toList());
        long customerMessages = transcript.events((String) first.get("conversationId")).stream()
                .filter(e -> e.type() == touchpoint.chat.EventType.CUSTOMER_ASKED).count();
        assertThat(customerMessages).isEqualTo(1);
    }

    @Test
    void should_refuse_a_wrong_api_key_an_unknown_channel_and_a_malformed_body() {
        Reply wrongKey = client.sendApiMessage(channelId, "tpk_wrong", "c", "m", "hello");
        Reply noKey = client.send("POST", "/api/channels/" + channelId + "/messages", null, "{\"externalConversationId\":\"c\",\"text\":\"hi\"}");
        Reply unknownChannel = client.sendApiMessage("no-such-channel", apiKey, "c", "m", "hello");
        Reply malformed = client.send("POST", "/api/channels/" + channelId + "/messages", "Bearer " + apiKey, "{\"text\":");
        Reply missingText = client.send("POST", "/api/channels/" + channelId + "/messages", "Bearer " + apiKey,
                "{\"externalConversationId\":\"c\"}");

        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(unknownChannel.status()).isEqualTo(401);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(missingText.status()).isEqualTo(400);
    }

    @Test
    void should_sign_every_webhook_so_the_spec_reference_library_and_an_independent_verifier_accept_it() throws Exception {
        client.sendApiMessage(channelId, apiKey, "app-conv-3", "m-1", "what is your return policy");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().stream().anyMatch(r -> r.body().contains("BOT_ANSWERED")));
        Webhook reference = new Webhook(secret);
        for (WebhookReceiver.Received r : receiver.accepted()) {
            reference.verify(r.body(), HttpHeaders.of(r.headers(), (a, b) -> true));
            assertThat(SpecVerifier.verify(secret, r.header("webhook-id"), r.header("webhook-timestamp"), r.header("webhook-signature"),
                    r.body(), System.currentTimeMillis() / 1000)).isTrue();
            assertThat(SpecVerifier.verify(secret, r.header("webhook-id"), r.header("webhook-timestamp"), r.header("webhook-signature"),
                    r.body() + " ", System.currentTimeMillis() / 1000)).isFalse();
            Map<String, Object> body = json.readValue(r.body(), Map.class);
            assertThat(body).containsKeys("type", "timestamp", "data");
        }
        Map<String, Object> answered = json.readValue(receiver.accepted().stream().filter(r -> r.body().contains("BOT_ANSWERED"))
                .findFirst().orElseThrow().body(), Map.class);
        assertThat(answered.get("type")).isEqualTo("message.created");
        assertThat(castMap(answered.get("data")).get("externalConversationId")).isEqualTo("app-conv-3");
        assertThat(castMap(castMap(answered.get("data")).get("contact")).get("externalId")).isEqualTo("cust-1");
    }

    @Test
    void should_send_handoff_and_state_change_webhooks_when_the_customer_asks_for_a_person() throws Exception {
        client.sendApiMessage(channelId, apiKey, "app-conv-4", "m-1", "I want to talk to a person");

        await().atMost(Duration.ofSeconds(10)).until(() -> types().containsAll(List.of("handoff.requested", "conversation.state_changed")));
        Map<String, Object> changed = json.readValue(receiver.accepted().stream()
                .filter(r -> r.body().contains("conversation.state_changed")).findFirst().orElseThrow().body(), Map.class);
        assertThat(castMap(changed.get("data")).get("state")).isEqualTo("WAITING_FOR_AGENT");
    }

    @Test
    void should_send_an_agents_reply_in_the_console_out_through_the_api_channel() throws Exception {
        String conversationId = (String) client.sendApiMessage(channelId, apiKey, "app-conv-7", "m-1", "I want to talk to a person")
                .get("conversationId");
        String login = client.send("POST", "/login", null, "{\"username\":\"admin\",\"password\":\"api-channel-admin-1\"}").raw();
        String agent = "Bearer " + json.readValue(login, Map.class).get("access_token");
        client.send("PUT", "/api/agent/presence", agent, "{\"status\":\"online\"}");
        client.send("POST", "/api/agent/conversations/" + conversationId + "/claim", agent, null);

        Reply replied = client.send("POST", "/api/agent/conversations/" + conversationId + "/messages", agent,
                "{\"text\":\"Hello from a person\"}");
        Reply view = client.send("GET", "/api/agent/conversations/" + conversationId, agent, null);

        assertThat(replied.status()).isLessThan(300);
        assertThat(view.get("channel")).isEqualTo("api");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().stream().anyMatch(r -> r.body().contains("Hello from a person")));
        Map<String, Object> body = json.readValue(receiver.accepted().stream().filter(r -> r.body().contains("Hello from a person"))
                .findFirst().orElseThrow().body(), Map.class);
        assertThat(castMap(castMap(body.get("data")).get("message")).get("author")).isEqualTo("agent");
    }

    @Test
    void should_retry_a_failing_endpoint_and_deliver_every_event_once_accepted_in_order() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(() -> calls.incrementAndGet() <= 3 ? 500 : 200);

        for (int i = 1; i <= 3; i++) {
            client.sendApiMessage(channelId, apiKey, "app-conv-5", "m-" + i, "what is your return policy " + i);
        }

        String conversationId = (String) client.sendApiMessage(channelId, apiKey, "app-conv-5", "m-1", "what is your return policy 1")
                .get("conversationId");
        long expected = transcript.events(conversationId).stream().filter(e -> e.author() != touchpoint.chat.Author.CUSTOMER
                && e.text() != null && !e.text().isBlank()).count();
        await().atMost(Duration.ofSeconds(20)).until(() -> messageSeqs().size() >= expected);
        List<Long> seqs = messageSeqs();
        assertThat(seqs).isSorted().doesNotHaveDuplicates().hasSize((int) expected);
        assertThat(receiver.all().stream().filter(r -> r.answeredWith() == 500)).hasSize(3);

        Reply log = client.admin("GET", "/api/admin/channels/" + channelId + "/deliveries?status=DELIVERED", null);
        assertThat(log.list()).anySatisfy(entry -> assertThat((Integer) entry.get("attempts")).isGreaterThan(1));
    }

    @Test
    void should_replay_a_delivery_under_its_original_webhook_id() throws Exception {
        client.sendApiMessage(channelId, apiKey, "app-conv-6", "m-1", "what is your return policy");
        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.accepted().isEmpty());
        Reply log = client.admin("GET", "/api/admin/channels/" + channelId + "/deliveries", null);
        Map<String, Object> delivered = log.list().stream().filter(e -> "DELIVERED".equals(e.get("status"))).findFirst().orElseThrow();
        String originalId = "msg_" + delivered.get("deliveryId");
        int before = receiver.accepted().size();

        Reply replay = client.admin("POST", "/api/admin/channels/" + channelId + "/deliveries/" + delivered.get("id") + "/replay", null);

        assertThat(replay.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted().size() > before);
        assertThat(receiver.accepted().get(receiver.accepted().size() - 1).header("webhook-id")).isEqualTo(originalId);
    }

    private List<String> types() throws Exception {
        java.util.ArrayList<String> types = new java.util.ArrayList<>();
        for (WebhookReceiver.Received r : receiver.accepted()) {
            types.add((String) json.readValue(r.body(), Map.class).get("type"));
        }
        return types;
    }

    private List<Long> messageSeqs() throws Exception {
        java.util.ArrayList<Long> seqs = new java.util.ArrayList<>();
        for (WebhookReceiver.Received r : receiver.accepted()) {
            Map<String, Object> body = json.readValue(r.body(), Map.class);
            if ("message.created".equals(body.get("type"))) {
                seqs.add(((Number) castMap(castMap(body.get("data")).get("message")).get("seq")).longValue());
            }
        }
        return seqs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
