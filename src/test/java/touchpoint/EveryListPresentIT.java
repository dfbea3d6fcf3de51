package touchpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.Tokens;
import touchpoint.testing.TranscriptScript;

/**
 * Every list in an API response is present, empty when there is nothing: a client iterates it without checking
 * first. Read the way a new install is first used: an empty database, then one conversation a customer escalated
 * and nobody has taken yet (no agent, no team groups, no surveys).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
class EveryListPresentIT implements TestPropertyProvider {

    private static final List<String> SUMMARY_LISTS = List.of("byDay", "byFaq", "byAgent", "byTeam", "byTouchpoint", "byChannel", "answersByFaq");

    private final String adminPassword = UUID.randomUUID().toString();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JwtTokenGenerator jwt;

    @Inject
    Transcript transcript;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("touchpoint.admin-password", adminPassword);
    }

    @Test
    @Order(1)
    void should_list_every_summary_group_empty_on_an_empty_database() {
        Map<String, Object> summary = get("/api/analytics/summary", new Tokens(jwt).admin());

        assertThat(summary).containsKeys(SUMMARY_LISTS.toArray(String[]::new));
        SUMMARY_LISTS.forEach(key -> assertThat(summary.get(key)).as(key).isEqualTo(List.of()));
        assertThat(list("/api/analytics/knowledge-gaps")).isEmpty();
        assertThat(list("/api/analytics/feedback-themes")).isEmpty();
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void should_list_every_key_with_one_escalated_conversation_and_no_agent() {
        String id = escalatedConversation();

        Map<String, Object> summary = get("/api/analytics/summary", new Tokens(jwt).admin());

        assertThat(summary).containsKeys(SUMMARY_LISTS.toArray(String[]::new));
        assertThat((List<Object>) summary.get("byAgent")).isEmpty();
        assertThat((List<Object>) summary.get("byFaq")).isEmpty();
        assertThat((List<Object>) summary.get("answersByFaq")).isEmpty();
        assertThat((List<Object>) summary.get("byTouchpoint")).hasSize(1);
        assertThat((List<Object>) summary.get("byChannel")).hasSize(1);
        // The hand-off is routed to the default team at once; only a person is missing.
        assertThat((List<Object>) summary.get("byTeam")).hasSize(1);
        Map<String, Object> overall = (Map<String, Object>) summary.get("overall");
        assertThat(overall).containsEntry("escalated", 1);
        // Nobody has replied yet: a wait with no end has no figure, but the figure's shape is there.
        assertThat((Map<String, Object>) overall.get("firstHumanResponseSeconds")).containsEntry("count", 0);

        Map<String, Object> gap = list("/api/analytics/knowledge-gaps").get(0);
        assertThat(gap).containsKeys("examples", "reasons");
        assertThat((Map<String, Object>) gap.get("createFaq")).containsKey("questions");

        String admin = signIn();
        Map<String, Object> queue = get("/api/agent/queue", admin);
        assertThat(queue).containsKeys("waiting", "mine");
        assertThat((List<Object>) queue.get("mine")).isEmpty();
        Map<String, Object> view = get("/api/agent/conversations/" + id, admin);
        assertThat(view).containsKeys("surveyAnswers", "messages");
        assertThat((Map<String, Object>) view.get("summary")).containsKeys("customerQuestions", "faqsTried", "ratings", "surveyAnswers");
        List<Map<String, Object>> users = http.toBlocking().retrieve(HttpRequest.GET("/api/admin/users").bearerAuth(admin),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(users).allSatisfy(u -> assertThat(u).containsKeys("roles", "teams"));
        assertThat(http.toBlocking().retrieve(HttpRequest.GET("/api/recovery/tasks").bearerAuth(admin))).isEqualTo("[]");
    }

    private String escalatedConversation() {
        CustomerClient customer = new CustomerClient(http.toBlocking());
        Reply started = customer.start("{\"touchpoint\":\"web\"}");
        String id = started.string("id");
        customer.say(id, started.string("token"), "m1", "Do you sell spaceships?");
        customer.say(id, started.string("token"), "m2", "can I please talk to a human now");
        assertThat(new TranscriptScript(transcript).ofType(id, EventType.HANDOFF_REQUESTED)).hasSize(1);
        return id;
    }

    private String signIn() {
        Map<String, Object> login = http.toBlocking().retrieve(HttpRequest.POST("/login",
                        Map.of("username", "admin", "password", adminPassword)),
                Argument.mapOf(String.class, Object.class));
        return (String) login.get("access_token");
    }

    private Map<String, Object> get(String path, String token) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), Argument.mapOf(String.class, Object.class));
    }

    private List<Map<String, Object>> list(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(new Tokens(jwt).admin()),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }
}
