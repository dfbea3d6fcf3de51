package touchpoint.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import touchpoint.channel.ChannelTestClient;
import touchpoint.channel.WebhookReceiver;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.Tokens;

/**
 * Conversations on two channels, the widget and an API channel: the summary breaks them down by channel type, narrows
 * to one channel by type or id, and the CSV says each conversation's channel.
 *
 * <pre>
 * web  W1 asks, bot answers                      contained
 * web  W2 asks, bot answers                      contained
 * api  A1 asks for a person                      escalated
 * api  A2 asks, bot answers                      contained
 * </pre>
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.webhooks.allow-private-networks", value = "true")
@Property(name = "touchpoint.channels.delivery-poll", value = "100ms")
class AnalyticsByChannelIT {

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    @Inject
    JwtTokenGenerator jwt;

    WebhookReceiver receiver;
    ChannelTestClient channels;
    String channelId;
    String w1;
    String w2;
    String a1;
    String a2;

    @BeforeAll
    void buildConversations() throws Exception {
        receiver = new WebhookReceiver();
        channels = new ChannelTestClient(server.getURL().toString(), json, jwt);
        ChannelTestClient.Reply created = channels.createApiChannel("Analytics app " + System.nanoTime(), receiver.url());
        assertThat(created.status()).isEqualTo(201);
        channelId = (String) created.get("id");
        String apiKey = (String) created.get("apiKey");

        CustomerClient customer = new CustomerClient(http.toBlocking());
        w1 = webConversation(customer, "How do I return a lamp?");
        w2 = webConversation(customer, "what is your return policy");
        a1 = (String) channels.sendApiMessage(channelId, apiKey, "an-order-1", "m-1", "I want to talk to a person").get("conversationId");
        a2 = (String) channels.sendApiMessage(channelId, apiKey, "an-order-2", "m-1", "what is your return policy").get("conversationId");
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_break_the_figures_down_by_channel_type() {
        Map<String, Object> summary = summary("");

        Map<String, Map<String, Object>> byChannel = groups(summary, "byChannel");
        assertThat(byChannel).containsKeys("web", "api");
        // Other classes may share the database: this class's conversations are the floor, its API channel the exact count.
        assertThat(((Number) byChannel.get("web").get("conversations")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(((Number) byChannel.get("api").get("conversations")).longValue()).isGreaterThanOrEqualTo(2);
        Map<String, Object> overall = (Map<String, Object>) summary.get("overall");
        long total = ((Number) overall.get("conversations")).longValue();
        long grouped = byChannel.values().stream().mapToLong(f -> ((Number) f.get("conversations")).longValue()).sum();
        assertThat(grouped).isEqualTo(total);
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_narrow_the_figures_to_one_channel_by_its_id() {
        Map<String, Object> summary = summary("&channel=" + channelId);

        Map<String, Object> overall = (Map<String, Object>) summary.get("overall");
        assertThat(overall).containsEntry("conversations", 2).containsEntry("engaged", 2).containsEntry("escalated", 1)
                .containsEntry("containment", 0.5).containsEntry("escalationRate", 0.5);
        assertThat(summary.get("channel")).isEqualTo(channelId);
        assertThat(groups(summary, "byChannel")).containsOnlyKeys("api");
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_narrow_the_figures_to_one_channel_type() {
        Map<String, Object> web = summary("&channel=web");

        assertThat(groups(web, "byChannel")).containsOnlyKeys("web");
        assertThat(((Number) ((Map<String, Object>) web.get("overall")).get("escalated")).longValue())
                .isEqualTo(((Number) groups(web, "byChannel").get("web").get("escalated")).longValue());
    }

    @Test
    void should_export_each_conversations_channel_in_the_csv() {
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/analytics/export.csv").bearerAuth(new Tokens(jwt).admin()));

        List<String> lines = Arrays.asList(csv.split("\r\n"));
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int type = header.indexOf("channel_type");
        int id = header.indexOf("channel_id");
        assertThat(type).isPositive();
        assertThat(cells(lines, w1)).satisfies(c -> {
            assertThat(c.get(type)).isEqualTo("web");
            assertThat(c.get(id)).isEqualTo("web");
        });
        assertThat(cells(lines, a1)).satisfies(c -> {
            assertThat(c.get(type)).isEqualTo("api");
            assertThat(c.get(id)).isEqualTo(channelId);
        });
        assertThat(cells(lines, a2).get(type)).isEqualTo("api");
        assertThat(cells(lines, w2).get(type)).isEqualTo("web");
    }

    private static List<String> cells(List<String> lines, String conversationId) {
        String line = lines.stream().filter(l -> l.startsWith(conversationId + ",")).findFirst().orElseThrow();
        // The rows of this class hold no quoted cells, so a plain split keeps the columns.
        return Arrays.asList(line.split(",", -1));
    }

    private String webConversation(CustomerClient customer, String question) {
        Reply started = customer.start("{\"touchpoint\":\"web\"}");
        String id = started.string("id");
        customer.say(id, started.string("token"), "q1", question);
        return id;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> summary(String query) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/analytics/summary?x=1" + query).bearerAuth(new Tokens(jwt).admin()),
                Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> groups(Map<String, Object> summary, String key) {
        Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) summary.get(key)) {
            out.put((String) g.get("key"), (Map<String, Object>) g.get("figures"));
        }
        return out;
    }
}
