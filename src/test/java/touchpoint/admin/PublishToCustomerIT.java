package touchpoint.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;

/**
 * The whole loop on the real engine, nothing faked: the service seeds its knowledge base from faq-content,
 * an admin signs in, writes a new FAQ, tests a question against the draft, publishes it, and a customer's
 * next question is answered from it.
 */
class PublishToCustomerIT {

    private static final String PASSWORD = "publish-it-password-1";
    static EmbeddedServer server;
    static BlockingHttpClient http;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "touchpoint.admin-password", PASSWORD,
                "datasources.default.url", "jdbc:h2:mem:publish-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"),
                "test");
        http = server.getApplicationContext().createBean(HttpClient.class, server.getURL()).toBlocking();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void should_answer_a_customer_from_an_faq_the_admin_just_published() {
        CustomerClient customer = new CustomerClient(http);
        var before = customer.start(null);
        String question = "Do you offer gift wrapping for my order?";
        String jwt = (String) http.retrieve(HttpRequest.POST("/login", Map.of("username", "admin", "password", PASSWORD)),
                Argument.mapOf(String.class, Object.class)).get("access_token");

        var draft = Map.of("id", "gift-wrapping", "title", "Can you gift wrap my order?",
                "questions", List.of("Do you offer gift wrapping?", "can my order be gift wrapped", "gift wrap options",
                        "wrap a present for me", "is gift wrapping available at checkout"),
                "tags", List.of("orders"), "team", "orders",
                "body", "Yes: tick **Gift wrap** at checkout. We wrap each item in recycled paper for €3.");
        http.exchange(HttpRequest.POST("/api/admin/faqs", draft).bearerAuth(jwt));
        Map<String, Object> tested = http.retrieve(HttpRequest.POST("/api/admin/knowledge/test", Map.of("text", question)).bearerAuth(jwt),
                Argument.mapOf(String.class, Object.class));
        assertThat(tested.get("draft").toString()).contains("gift-wrapping");
        assertThat(tested.get("live").toString()).doesNotContain("gift-wrapping");

        long published = System.nanoTime();
        http.exchange(HttpRequest.POST("/api/admin/faqs/gift-wrapping/publish", Map.of()).bearerAuth(jwt));

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            var reply = customer.say(before.string("id"), before.string("token"), "q" + System.nanoTime(), question);
            assertThat(reply.list("replies").get(0)).containsEntry("kind", "answer").containsEntry("faqId", "gift-wrapping");
        });
        System.out.printf("publish-to-answer: %d ms%n", (System.nanoTime() - published) / 1_000_000);
    }
}
