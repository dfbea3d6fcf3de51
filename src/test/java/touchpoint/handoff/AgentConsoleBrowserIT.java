package touchpoint.handoff;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import touchpoint.testing.Chromium;
import touchpoint.testing.ChromiumExtension;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.EmbeddedInfra;

/**
 * The agent console in a real browser on one instance, the customer on another, both on one PostgreSQL and
 * one Redis: the agent signs in and goes online, a customer asks for a person, the conversation lands in the
 * agent's list with what happened so far, the agent's reply reaches the customer, the customer's answer shows
 * up live in the console, and resolving it starts the survey.
 */
class AgentConsoleBrowserIT {

    private static EmbeddedServer customerSide;
    private static EmbeddedServer agentSide;
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @BeforeAll
    static void start() {
        Map<String, Object> props = new HashMap<>(EmbeddedInfra.postgresAndRedis(EmbeddedInfra.newDatabaseUrl()));
        props.put("touchpoint.test.scripted-knowledge", "true");
        props.put("touchpoint.admin-password", StaffClient.ADMIN_PASSWORD);
        customerSide = ApplicationContext.run(EmbeddedServer.class, props, "test");
        agentSide = ApplicationContext.run(EmbeddedServer.class, props, "test");
    }

    @AfterAll
    static void stop() {
        for (EmbeddedServer server : new EmbeddedServer[] {agentSide, customerSide}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void should_let_an_agent_on_another_instance_take_reply_to_and_resolve_a_customer_who_asked_for_a_person() {
        StaffClient staff = new StaffClient(agentSide.getApplicationContext().createBean(HttpClient.class, agentSide.getURL()).toBlocking());
        staff.createAgent(staff.adminToken(), "sam", List.of("support"));
        CustomerClient customer = new CustomerClient(
                customerSide.getApplicationContext().createBean(HttpClient.class, customerSide.getURL()).toBlocking());

        try (BrowserContext context = chromium.newContext(1400, 900)) {
            Page page = context.newPage();
            page.navigate(agentSide.getURL() + "/agent/");
            ChromiumExtension.signInToConsole(page, "sam", "sam-password-1");
            assertThat(page.locator("#agent-name")).hasText("Sam");
            page.waitForResponse(r -> r.url().endsWith("/api/agent/presence") && r.status() == 200,
                    () -> page.locator("#presence").selectOption("online"));

            Reply c = customer.start(null);
            String id = c.string("id");
            String token = c.string("token");
            customer.say(id, token, "m1", "Where is my parcel?");
            Reply asked = customer.say(id, token, "m2", "I want to talk to a person");
            assertThat(asked.list("replies")).extracting(m -> m.get("type")).contains("HANDOFF_REQUESTED", "AGENT_JOINED");

            assertThat(page.locator("#mine li")).hasCount(1);
            page.locator("#mine li").first().click();
            assertThat(page.locator("#summary-questions")).containsText("Where is my parcel?");
            assertThat(page.locator("#messages")).containsText("I want to talk to a person");

            page.locator("#reply-text").fill("Hi, I'm Sam. Let me look up your parcel.");
            page.locator("#reply-form button[type=submit]").click();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(texts(customer, id, token))
                    .contains("Hi, I'm Sam. Let me look up your parcel."));

            customer.say(id, token, "m3", "Thanks, it's order 1042");
            assertThat(page.locator("#messages")).containsText("Thanks, it's order 1042");

            page.locator("#resolve").click();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(types(customer, id, token))
                    .contains("CONVERSATION_RESOLVED", "SURVEY_ASKED"));
            assertThat(page.locator("#messages")).containsText("This conversation has been resolved.");

            Chromium.screenshot(page, "agent-console-resolved");
        }
    }

    private static List<String> texts(CustomerClient customer, String id, String token) {
        return customer.messages(id, token, 0).list("messages").stream().map(m -> String.valueOf(m.get("text"))).toList();
    }

    private static List<String> types(CustomerClient customer, String id, String token) {
        return customer.messages(id, token, 0).list("messages").stream().map(m -> String.valueOf(m.get("type"))).toList();
    }
}
