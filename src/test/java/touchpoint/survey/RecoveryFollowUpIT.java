package touchpoint.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import touchpoint.channel.ChannelTestClient;
import touchpoint.channel.ChannelTestClient.Reply;
import touchpoint.channel.WebhookReceiver;
import touchpoint.chat.EventData;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptEvent;
import touchpoint.testing.TranscriptScript;

/**
 * A low score opens a recovery task; from it an agent sends the customer a follow-up, which lands in the transcript,
 * is recorded on the task, and leaves through the conversation's own channel (here the widget and an API channel,
 * whose webhook carries it as {@code message.created}).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.webhooks.allow-private-networks", value = "true")
@Property(name = "touchpoint.channels.delivery-poll", value = "100ms")
@Property(name = "touchpoint.admin-password", value = "recovery-follow-up-admin-1")
class RecoveryFollowUpIT {

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Inject
    JwtTokenGenerator jwt;

    @Inject
    Transcript transcript;

    ChannelTestClient client;
    TranscriptScript script;
    WebhookReceiver receiver;
    String admin;

    @BeforeAll
    void setUp() throws Exception {
        client = new ChannelTestClient(server.getURL().toString(), json, jwt);
        script = new TranscriptScript(transcript);
        receiver = new WebhookReceiver();
        String login = client.send("POST", "/login", null, "{\"username\":\"admin\",\"password\":\"recovery-follow-up-admin-1\"}").raw();
        admin = "Bearer " + json.readValue(login, Map.class).get("access_token");
    }

    @AfterAll
    void tearDown() {
        receiver.close();
    }

    @Test
    void should_send_a_follow_up_into_a_web_conversation_and_record_it_on_the_task() {
        Reply started = client.send("POST", "/api/conversations", null, "{\"touchpoint\":\"web\"}");
        String conversationId = (String) started.get("id");
        String token = (String) started.get("token");
        script.agentResolves(conversationId, "returns", "ann");
        Reply answered = client.send("POST", "/api/conversations/" + conversationId + "/survey-answers", "Bearer " + token,
                "{\"questionId\":\"ces\",\"score\":1}");
        assertThat(answered.status()).isEqualTo(201);
        long taskId = taskOf(conversationId);

        Reply draft = client.send("GET", "/api/recovery/tasks/" + taskId + "/follow-up", admin, null);
        Reply empty = client.send("POST", "/api/recovery/tasks/" + taskId + "/follow-up", admin, "{\"text\":\"  \"}");
        Reply sent = client.send("POST", "/api/recovery/tasks/" + taskId + "/follow-up", admin,
                "{\"text\":\"Sorry about earlier, the refund is on its way.\"}");

        assertThat(draft.status()).isEqualTo(200);
        assertThat((String) draft.get("text")).startsWith("Hello,").contains("1 out of 7");
        assertThat(draft.get("channelType")).isEqualTo("web");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.get("followedUpAt")).isNotNull();
        List<Map<String, Object>> followUps = castList(sent.get("followUps"));
        assertThat(followUps).singleElement().satisfies(f -> {
            assertThat(f.get("text")).isEqualTo("Sorry about earlier, the refund is on its way.");
            assertThat(f.get("agentId")).isNotNull();
            assertThat(f.get("sentAt")).isNotNull();
        });
        TranscriptEvent last = script.last(conversationId);
        assertThat(last.type()).isEqualTo(EventType.AGENT_REPLIED);
        assertThat(last.text()).isEqualTo("Sorry about earlier, the refund is on its way.");
        assertThat(last.data(EventData.AgentReplied.class).map(EventData.AgentReplied::recoveryTaskId)).contains(taskId);
        assertThat(((Number) followUps.get(0).get("seq")).longValue()).isEqualTo(last.seq());
        // The customer sees it when they come back to the widget.
        Reply messages = client.send("GET", "/api/conversations/" + conversationId + "/messages?after=0", "Bearer " + token, null);
        assertThat(castList(messages.get("messages"))).anySatisfy(m ->
                assertThat(m.get("text")).isEqualTo("Sorry about earlier, the refund is on its way."));
        Reply listed = client.send("GET", "/api/recovery/tasks", admin, null);
        assertThat(listed.list()).filteredOn(t -> conversationId.equals(t.get("conversationId"))).singleElement()
                .satisfies(t -> assertThat(castList(t.get("followUps"))).hasSize(1));
    }

    @Test
    void should_send_a_follow_up_through_the_api_channel_as_a_message_created_webhook() throws Exception {
        Reply created = client.createApiChannel("Recovery app " + System.nanoTime(), receiver.url());
        String channelId = (String) created.get("id");
        String apiKey = (String) created.get("apiKey");
        String conversationId = (String) client.sendApiMessage(channelId, apiKey, "order-77", "m-1", "what is your return policy")
                .get("conversationId");
        script.agentResolves(conversationId, "returns", "ann");
        script.append(conversationId, touchpoint.chat.NewEvent.of(new EventData.SurveyAnswered("csat", "CSAT", 1, null, "ann",
                null, "web", null, "test")));
        long taskId = taskOf(conversationId);

        Reply draft = client.send("GET", "/api/recovery/tasks/" + taskId + "/follow-up", admin, null);
        String text = (String) draft.get("text");
        Reply sent = client.send("POST", "/api/recovery/tasks/" + taskId + "/follow-up", admin, json.writeValueAsString(Map.of("text", text)));

        assertThat(draft.get("channelType")).isEqualTo("api");
        assertThat(draft.get("customerName")).isEqualTo("Ann");
        assertThat(text).startsWith("Hello Ann,").contains("1 out of 5");
        assertThat(sent.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).until(() -> webhookWith(text).isPresent());
        Map<String, Object> body = json.readValue(webhookWith(text).orElseThrow().body(), Map.class);
        assertThat(body.get("type")).isEqualTo("message.created");
        Map<String, Object> message = castMap(castMap(body.get("data")).get("message"));
        assertThat(message.get("author")).isEqualTo("agent");
        assertThat(message.get("text")).isEqualTo(text);
        assertThat(castMap(body.get("data")).get("externalConversationId")).isEqualTo("order-77");
    }

    @Test
    void should_refuse_a_follow_up_for_an_unknown_task() {
        Reply sent = client.send("POST", "/api/recovery/tasks/987654321/follow-up", admin, "{\"text\":\"hello\"}");

        assertThat(sent.status()).isEqualTo(404);
    }

    private Optional<WebhookReceiver.Received> webhookWith(String text) throws Exception {
        String needle = json.writeValueAsString(text);
        needle = needle.substring(1, needle.length() - 1);
        for (WebhookReceiver.Received r : receiver.accepted()) {
            if (r.body().contains(needle)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private long taskOf(String conversationId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> client.send("GET", "/api/recovery/tasks", admin, null).list().stream()
                .anyMatch(t -> conversationId.equals(t.get("conversationId"))));
        return client.send("GET", "/api/recovery/tasks", admin, null).list().stream()
                .filter(t -> conversationId.equals(t.get("conversationId"))).findFirst()
                .map(t -> ((Number) t.get("id")).longValue()).orElseThrow();
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
