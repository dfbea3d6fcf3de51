package touchpoint.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import touchpoint.testing.Chromium;
import touchpoint.testing.ChromiumExtension;

/**
 * A customer escalates in the widget and an agent, signed in to the agent console in a second browser context,
 * takes the conversation, answers live and resolves it; the widget then asks the survey, answered through the
 * survey endpoint. The agent account is created through the admin API as an operator would.
 */
@WidgetBrowserScenario
@Property(name = "touchpoint.admin-password", value = "admin-password-for-tests")
@Property(name = "touchpoint.handoff.auto-assign", value = "false")
class WidgetEscalationBrowserIT extends BrowserTestSupport {

    private static final String AGENT_USERNAME = "agent";
    private static final String AGENT_PASSWORD = "agent-password-for-tests";

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void should_show_an_agents_live_replies_and_then_the_survey() {
        String jwt = agentToken();
        Page console = otherPage();
        signInAndGoOnline(console);

        askForAPerson(page);
        String id = storedConversation(page)[0];

        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(console).hasTitle("(1) Touchpoint — Agent console");
        console.locator("#queue li").first().click();
        console.locator("#claim").click();
        console.locator("#reply-text").fill("Hello, I can help with that.");
        console.locator("#reply-form button[type=submit]").click();

        expect(messages(page, ".agent .bubble")).containsText("Hello, I can help with that.");
        expect(messages(page, ".agent .name")).hasText("Sam");
        expect(page.locator("touchpoint-widget [aria-live=polite]")).containsText("Hello, I can help with that.");
        ask(page, "Thank you!");
        expect(console.locator("#messages")).containsText("Thank you!");

        console.locator("#resolve").click();
        Chromium.screenshot(console, "should_show_an_agents_live_replies_and_then_the_survey-console");

        // CES comes first (one click on the 1-7 scale), then CSAT (stars, optional comment, send).
        Locator ces = messages(page, ".survey").first();
        expect(ces).isVisible();
        ces.locator("button.score").last().click();
        Locator csat = messages(page, ".survey").nth(1);
        expect(csat).isVisible();
        csat.locator("button.star").last().click();
        csat.locator("textarea").fill("Quick and friendly");
        csat.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send rating")).click();
        expect(csat.locator(".rating")).hasText("Thanks for your feedback!");
        // Answered through the survey endpoint, not by falling back to a chat message.
        expect(messages(page, ".customer .text").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\d+$")))).hasCount(0);
        String token = storedConversation(page)[1];
        Map<String, Object> transcript = blocking().retrieve(HttpRequest.GET("/api/conversations/" + id + "/messages?after=0")
                .bearerAuth(token), Argument.mapOf(String.class, Object.class));
        assertThat(transcript.get("messages").toString()).contains("SURVEY_ANSWERED").contains("score=7").contains("score=5")
                .contains("Quick and friendly");
        agent(HttpRequest.PUT("/api/agent/presence", Map.of("status", "offline")), jwt);
    }

    /**
     * A socket can stay open in the browser while nothing comes through it (a proxy that dropped it, an instance that
     * went away mid-handshake). Here the first socket is answered by a stand-in that sends one heartbeat and then
     * nothing; the agent replies meanwhile. The widget must notice the silence, reconnect, and show the reply.
     */
    @Test
    void should_reconnect_a_socket_that_went_silent_and_show_what_the_agent_said_meanwhile() {
        String jwt = agentToken();
        agent(HttpRequest.PUT("/api/agent/presence", Map.of("status", "online")), jwt);
        AtomicInteger sockets = silentFirstSocket(page, ".*/ws/conversations/.*");

        askForAPerson(page);
        String id = storedConversation(page)[0];
        agent(HttpRequest.POST("/api/agent/conversations/" + id + "/claim", Map.of()), jwt);
        agent(HttpRequest.POST("/api/agent/conversations/" + id + "/messages", Map.of("text", "Sorry for the wait, I'm here now.")), jwt);

        expect(messages(page, ".agent .bubble")).containsText("Sorry for the wait, I'm here now.",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        assertThat(sockets.get()).as("sockets opened: the silent one and its replacement").isGreaterThanOrEqualTo(2);
        agent(HttpRequest.PUT("/api/agent/presence", Map.of("status", "offline")), jwt);
    }

    /** The same for the agent console: a silent socket is replaced, and the queue it missed shows up. */
    @Test
    void should_reconnect_a_console_socket_that_went_silent_and_show_the_customer_who_is_waiting() {
        agentToken();
        Page console = otherPage();
        AtomicInteger sockets = silentFirstSocket(console, ".*/ws/agent.*");
        signInAndGoOnline(console);

        askForAPerson(page);
        expect(messages(page, ".system").last()).isVisible();

        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(console.locator("#queue li")).hasCount(1,
                new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(15_000));
        assertThat(sockets.get()).as("sockets opened: the silent one and its replacement").isGreaterThanOrEqualTo(2);
        console.locator("#presence").selectOption("offline");
    }

    @Test
    void should_take_a_message_when_no_agent_is_online() {
        askForAPerson(page);
        expect(messages(page, " .leave")).isVisible();
        page.getByLabel("Your email").fill("ada@example.org");
        messages(page, " .leave textarea").fill("My lamp arrived broken.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send message")).click();

        expect(messages(page, ".system").last()).containsText("reply to ada@example.org");
        // Stored through the offline-message endpoint, not by falling back to a chat message.
        expect(messages(page, ".customer .text").filter(new Locator.FilterOptions().setHasText("Message for the team"))).hasCount(0);
    }

    /**
     * Answers the page's first socket to {@code url} with a stand-in that announces 1.5 s heartbeats and then says
     * nothing, as a socket whose server side is gone; later sockets reach the server. Counts the sockets opened.
     */
    private static AtomicInteger silentFirstSocket(Page p, String url) {
        AtomicInteger sockets = new AtomicInteger();
        p.routeWebSocket(Pattern.compile(url), ws -> {
            if (sockets.incrementAndGet() == 1) {
                ws.send("{\"type\":\"heartbeat\",\"everyMs\":1500}");
            } else {
                ws.connectToServer();
            }
        });
        return sockets;
    }

    /** Signs the test's agent in to the console and sets them online. */
    private void signInAndGoOnline(Page console) {
        console.navigate(base() + "/agent/");
        ChromiumExtension.signInToConsole(console, AGENT_USERNAME, AGENT_PASSWORD);
        expect(console.locator("#agent-name")).hasText("Sam");
        console.waitForResponse(r -> r.url().endsWith("/api/agent/presence") && r.status() == 200,
                () -> console.locator("#presence").selectOption("online"));
    }

    /** Opens the widget on the demo shop and presses "Talk to a person". */
    private void askForAPerson(Page p) {
        p.navigate(base() + "/demo");
        launcher(p).click();
        expect(messages(p, ".bot").first()).containsText("Hi!");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Talk to a person").setExact(true)).click();
    }

    private String agentToken() {
        Map<String, Object> admin = blocking().retrieve(HttpRequest.POST("/login",
                Map.of("username", "admin", "password", "admin-password-for-tests")), Argument.mapOf(String.class, Object.class));
        try {
            blocking().exchange(HttpRequest.POST("/api/admin/users", Map.of("username", AGENT_USERNAME, "password", AGENT_PASSWORD,
                            "displayName", "Sam", "roles", java.util.List.of("AGENT"),
                            "teams", java.util.List.of("support", "returns", "delivery", "orders", "billing")))
                    .bearerAuth((String) admin.get("access_token")));
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException alreadyThere) {
            // the second test in this class finds the agent created by the first
        }
        Map<String, Object> login = blocking().retrieve(HttpRequest.POST("/login",
                Map.of("username", AGENT_USERNAME, "password", AGENT_PASSWORD)), Argument.mapOf(String.class, Object.class));
        String token = (String) login.get("access_token");
        assertThat(token).isNotBlank();
        return token;
    }

    private void agent(io.micronaut.http.MutableHttpRequest<?> request, String jwt) {
        blocking().exchange(request.contentType(MediaType.APPLICATION_JSON).bearerAuth(jwt));
    }

    private BlockingHttpClient blocking() {
        return http.toBlocking();
    }
}
