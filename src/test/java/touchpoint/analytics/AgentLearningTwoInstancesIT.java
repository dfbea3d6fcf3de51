package touchpoint.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import touchpoint.knowledge.Decision;
import touchpoint.knowledge.KnowledgeBase;
import touchpoint.knowledge.Question;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.TwoInstances;

/**
 * Learning from agents through the product, on two instances with the real knowledge engine over the demo shop's
 * FAQs: a question the bot cannot answer goes to an agent, who answers it on the other instance with an FAQ; once an
 * admin approves the proposed phrasing, the bot answers that question, and one worded like it, with the FAQ on the
 * instance where nobody approved anything.
 */
class AgentLearningTwoInstancesIT {

    private static final String PASSWORD = "agent-learning-admin-password-1";
    private static final String FAQ = "large-item-delivery-and-assembly";
    private static final String QUESTION = "the two men who were meant to build my wardrobe never turned up";
    private static final String SIMILAR = "the two men who were supposed to build my wardrobe didn't turn up";

    static TwoInstances instances;
    static HttpClient httpA;
    static HttpClient httpB;

    @BeforeAll
    static void start() {
        instances = TwoInstances.start(Map.of("touchpoint.test.scripted-knowledge", "false",
                "touchpoint.admin-password", PASSWORD));
        // An approval re-indexes the approving instance before it answers, with both instances' engines in this one
        // JVM on a shared machine: allow it more than the client's default 10 s.
        DefaultHttpClientConfiguration slow = new DefaultHttpClientConfiguration();
        slow.setReadTimeout(Duration.ofSeconds(120));
        httpA = HttpClient.create(instances.a.getURL(), slow);
        httpB = HttpClient.create(instances.b.getURL(), slow);
    }

    @AfterAll
    static void stop() {
        if (httpA != null) {
            httpA.close();
            httpB.close();
        }
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void should_answer_on_every_instance_a_question_an_agent_answered_with_an_faq_once_an_admin_approves_it() {
        CustomerClient onA = new CustomerClient(httpA.toBlocking());
        CustomerClient onB = new CustomerClient(httpB.toBlocking());
        assertThat(ask(onB, SIMILAR)).as("before: the similar question").containsEntry("type", "BOT_FELL_BACK");

        // A customer on A asks; the bot does not know, and the customer asks for a person.
        Reply customer = onA.start(null);
        Reply asked = onA.say(customer.string("id"), customer.string("token"), "q1", QUESTION);
        assertThat(asked.list("replies")).extracting(m -> m.get("type")).containsExactly("BOT_FELL_BACK");
        onA.say(customer.string("id"), customer.string("token"), "q2", "talk to a person");

        // An agent on B takes it, answers with the FAQ and resolves it.
        String admin = token(onB, "admin", PASSWORD);
        Reply agentCreated = onB.exchange(HttpRequest.POST("/api/admin/users", Map.of("username", "dee", "password", "dee-password-1",
                "displayName", "Dee", "roles", List.of("AGENT"), "teams", List.of("support", "delivery", "orders", "returns", "billing")))
                .bearerAuth(admin));
        assertThat(agentCreated.status()).isEqualTo(201);
        String agent = token(onB, "dee", "dee-password-1");
        String conversation = customer.string("id");
        assertThat(post(onB, "/api/agent/conversations/" + conversation + "/claim", agent, null).status()).isEqualTo(200);
        assertThat(post(onB, "/api/agent/conversations/" + conversation + "/messages", agent,
                "{\"text\":\"Sorry about that! Our two-person team books a new slot with you.\",\"faqId\":\"" + FAQ + "\"}").status())
                .isEqualTo(200);
        assertThat(post(onB, "/api/agent/conversations/" + conversation + "/resolve", agent, null).status()).isEqualTo(200);

        // The admin approves the proposed phrasing on A.
        String adminOnA = token(onA, "admin", PASSWORD);
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Map<String, Object>> proposed = (List) httpA.toBlocking().retrieve(
                HttpRequest.GET("/api/admin/phrasing-proposals?status=proposed").bearerAuth(adminOnA),
                io.micronaut.core.type.Argument.listOf(Map.class));
        Map<String, Object> proposal = proposed.stream().filter(p -> QUESTION.equals(p.get("text"))).findFirst().orElseThrow(
                () -> new AssertionError("no proposal for the question among " + proposed));
        assertThat(proposal).containsEntry("faqId", FAQ).containsEntry("source", "agent").containsEntry("conversationId", conversation);
        assertThat(post(onA, "/api/admin/phrasing-proposals/" + ((Number) proposal.get("id")).longValue() + "/approve", adminOnA, null)
                .status()).isEqualTo(200);

        // B re-indexes on the announcement; then its customers get the FAQ.
        KnowledgeBase engineB = instances.b.getApplicationContext().getBean(KnowledgeBase.class);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                engineB.decide(Question.of(QUESTION)).outcome() == Decision.Outcome.ANSWER);
        assertThat(ask(onB, QUESTION)).containsEntry("type", "BOT_ANSWERED").containsEntry("faqId", FAQ);
        assertThat(ask(onB, SIMILAR)).as("after: the similar question").containsEntry("type", "BOT_ANSWERED").containsEntry("faqId", FAQ);
        assertThat(ask(onA, SIMILAR)).as("and on A").containsEntry("type", "BOT_ANSWERED").containsEntry("faqId", FAQ);
    }

    /** A new conversation's one question, and the bot's one reply. */
    private static Map<String, Object> ask(CustomerClient customers, String question) {
        Reply c = customers.start(null);
        List<Map<String, Object>> replies = customers.say(c.string("id"), c.string("token"), "ask-1", question).list("replies");
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    private static String token(CustomerClient http, String user, String password) {
        return http.exchange(HttpRequest.POST("/login", Map.of("username", user, "password", password))).string("access_token");
    }

    private static Reply post(CustomerClient http, String path, String token, String json) {
        return http.exchange(HttpRequest.POST(path, json == null ? "" : json).contentType(MediaType.APPLICATION_JSON).bearerAuth(token));
    }
}
