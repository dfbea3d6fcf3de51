package touchpoint.analytics;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import touchpoint.chat.Transcript;
import touchpoint.testing.AccessibilityCheck;
import touchpoint.testing.Chromium;
import touchpoint.testing.ChromiumExtension;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.TranscriptScript;

/**
 * The feedback loop in a real browser, from the analytics dashboard: a customer's low score is a follow-up the
 * admin takes, messages the customer about from the dashboard and again from the agent console (each time told which
 * way the message goes), opens in the console from the dashboard's link and marks done there; questions the bot could
 * not answer are a knowledge gap the admin turns into a new FAQ draft with one click.
 */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.admin-password", value = FeedbackLoopBrowserIT.PASSWORD)
class FeedbackLoopBrowserIT {

    static final String PASSWORD = "follow-up-admin-password-1";

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Transcript transcript;

    @Test
    void should_list_a_low_score_on_the_dashboard_until_it_is_followed_up_in_the_console() {
        CustomerClient customers = new CustomerClient(http.toBlocking());
        TranscriptScript script = new TranscriptScript(transcript);
        String ann = customers.exchange(HttpRequest.POST("/api/admin/users", Map.of("username", "ann", "password", "ann-password-1",
                "displayName", "Ann Lee", "roles", List.of("AGENT"), "teams", List.of("returns", "delivery")))
                .bearerAuth(adminToken(customers))).string("id");
        // A few contented customers, so the dashboard has figures around the one who was not.
        for (int i = 0; i < 3; i++) {
            Reply happy = customers.start(null);
            customers.say(happy.string("id"), happy.string("token"), "happy-" + i, "How do I return a lamp?");
            script.agentResolves(happy.string("id"), "returns", ann);
            answer(customers, happy, "ces", 6, null);
            answer(customers, happy, "csat", 5, "Quick and friendly");
        }
        Reply unhappy = customers.start(null);
        customers.say(unhappy.string("id"), unhappy.string("token"), "unhappy-1", "My sofa arrived with a broken leg");
        script.agentResolves(unhappy.string("id"), "delivery", ann);
        answer(customers, unhappy, "ces", 4, null);
        answer(customers, unhappy, "csat", 1, "Nobody told me when the replacement comes");

        try (BrowserContext context = chromium.newContext(1400, 1000)) {
            Page dashboard = context.newPage();
            dashboard.navigate(server.getURL() + "/admin/analytics.html");
            ChromiumExtension.signInAsAdmin(dashboard, PASSWORD);

            var followUp = dashboard.locator("#followups tr[data-task]");
            assertThat(followUp).hasCount(1);
            assertThat(followUp).containsText("low CSAT 1");
            assertThat(dashboard.locator("#kpis")).containsText("CSAT");
            assertThat(dashboard.locator("#by-agent")).containsText("Ann Lee");
            Chromium.screenshot(dashboard, "analytics-dashboard-follow-up");

            followUp.locator("button", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Take")).click();
            assertThat(followUp).containsText("in progress");
            assertThat(followUp).containsText("admin");

            // The follow-up reaches the customer in the conversation's own channel (here the widget) and stays on the task.
            followUp.locator("button", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Message customer")).click();
            var text = dashboard.locator("#followups textarea[name=follow-up-text]");
            assertThat(text).hasValue(java.util.regex.Pattern.compile("rated your recent conversation with us 1 out of 5"));
            assertThat(dashboard.locator("#followups .route")).containsText("Goes in the chat widget");
            text.fill("Sorry about the sofa: the replacement leg ships tomorrow.");
            dashboard.locator("#followups button", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Send follow-up")).click();
            assertThat(dashboard.locator("#status")).containsText("Follow-up sent by web");
            assertThat(followUp).containsText("1 · last");
            assertThat(customers.messages(unhappy.string("id"), unhappy.string("token"), 0).list("messages"))
                    .anySatisfy(m -> org.assertj.core.api.Assertions.assertThat(m.get("text"))
                            .isEqualTo("Sorry about the sofa: the replacement leg ships tomorrow."));

            Page console = context.waitForPage(() -> followUp.locator("a").click());
            assertThat(console).hasURL(java.util.regex.Pattern.compile("/agent/#conversation=" + unhappy.string("id") + "$"));
            ChromiumExtension.signInToConsole(console, "admin", PASSWORD);
            assertThat(console.locator("#messages")).containsText("My sofa arrived with a broken leg");
            assertThat(console.locator("#messages")).containsText("CSAT 1 of 5: “Nobody told me when the replacement comes”");
            assertThat(console.locator("#summary-ratings")).containsText("CES 4 of 7");
            var inConsole = console.locator("#followups li[data-task]");
            assertThat(inConsole).hasCount(1);
            assertThat(inConsole).containsText("low CSAT 1");
            // The task shows what was sent from the dashboard, and which way it went.
            assertThat(inConsole.locator(".sent-follow-ups li")).hasCount(1);
            assertThat(inConsole.locator(".sent-follow-ups")).containsText("in the chat widget");
            assertThat(inConsole.locator(".sent-follow-ups")).containsText("the replacement leg ships tomorrow");

            // A second follow-up from the console: the draft says where it goes before the agent sends it.
            inConsole.locator("button", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Send follow-up")).click();
            var composer = inConsole.locator(".follow-up-composer");
            assertThat(composer.locator(".route")).containsText("Goes in the chat widget");
            assertThat(composer.locator(".route")).containsText("No email address is known for this customer");
            var consoleText = composer.getByLabel("Follow-up to the customer");
            assertThat(consoleText).hasValue(java.util.regex.Pattern.compile("^Hello,[\\s\\S]*1 out of 5"));
            AccessibilityCheck.assertNoViolations(console, "the agent console (writing a follow-up)");
            Chromium.screenshot(console, "agent-console-follow-up");
            consoleText.fill("One more thing: the new leg comes with a fitting kit.");
            composer.locator("button", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Send")).first().click();
            assertThat(console.locator("#status")).containsText("Follow-up sent in the chat widget");
            assertThat(inConsole.locator(".follow-up-composer")).hasCount(0);
            assertThat(inConsole.locator(".sent-follow-ups li")).hasCount(2);
            assertThat(inConsole.locator(".sent-follow-ups")).containsText("the new leg comes with a fitting kit");
            assertThat(customers.messages(unhappy.string("id"), unhappy.string("token"), 0).list("messages"))
                    .anySatisfy(m -> org.assertj.core.api.Assertions.assertThat(m.get("text"))
                            .isEqualTo("One more thing: the new leg comes with a fitting kit."));
            AccessibilityCheck.assertNoViolations(console, "the agent console (a follow-up sent)");

            inConsole.locator("button", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Done")).click();
            assertThat(inConsole).hasCount(0);
            assertThat(console.locator("#followups-empty")).isVisible();

            dashboard.bringToFront();
            dashboard.locator("#filters button[type=submit]").click();
            assertThat(dashboard.locator("#followups")).containsText("Nothing to follow up.");
        }
        List<Map> tasks = http.toBlocking().retrieve(HttpRequest.GET("/api/recovery/tasks?status=done")
                .bearerAuth(adminToken(customers)), io.micronaut.core.type.Argument.listOf(Map.class));
        assertThat(tasks).singleElement().satisfies(t -> assertThat(t).containsEntry("assignee", "admin"));
    }

    @Test
    void should_draft_a_new_faq_from_a_knowledge_gap() {
        CustomerClient customers = new CustomerClient(http.toBlocking());
        for (String question : List.of("do you have a showroom in Leeds?", "is there a showroom I can visit in Leeds")) {
            Reply c = customers.start(null);
            Reply asked = customers.say(c.string("id"), c.string("token"), "gap-1", question);
            assertThat(asked.list("replies")).extracting(r -> r.get("type")).containsExactly("BOT_FELL_BACK");
        }

        try (BrowserContext context = chromium.newContext(1400, 1000)) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/admin/analytics.html");
            ChromiumExtension.signInAsAdmin(page, PASSWORD);

            var gap = page.locator("#gaps > li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("showroom"));
            assertThat(gap).containsText("(2)");
            gap.getByText("Create FAQ from this").click();

            assertThat(page).hasURL(java.util.regex.Pattern.compile("/admin/faqs.html$"));
            assertThat(page.locator("#f-title")).hasValue(java.util.regex.Pattern.compile("^Is there a showroom|^Do you have a showroom"));
            assertThat(page.locator("#f-questions")).hasValue(java.util.regex.Pattern.compile(
                    "do you have a showroom in Leeds\\?[\\s\\S]*is there a showroom I can visit in Leeds"));
            assertThat(page.locator("#f-id")).hasValue(java.util.regex.Pattern.compile("^[a-z0-9-]*showroom[a-z0-9-]*$"));
            assertThat(page.locator("#f-body")).isFocused();
            page.locator("#f-body").fill("Our showroom is at **12 Canal Street, Leeds**, open Tuesday to Saturday.");
            assertThat(page.locator("#preview strong")).hasText("12 Canal Street, Leeds");
            page.locator("#save").click();
            assertThat(page.locator("#form-message")).containsText("Saved as revision 1");
            Chromium.screenshot(page, "admin-editor-drafted-from-gap");
        }
    }

    @Test
    void should_teach_the_fallback_a_knowledge_gap_is_not_ours_with_one_click() {
        CustomerClient customers = new CustomerClient(http.toBlocking());
        for (String question : List.of("what is the weather in Manchester tomorrow?", "what is the weather like in Manchester tomorrow")) {
            Reply c = customers.start(null);
            Reply asked = customers.say(c.string("id"), c.string("token"), "weather-1", question);
            assertThat(asked.list("replies")).extracting(r -> r.get("type")).containsExactly("BOT_FELL_BACK");
        }

        try (BrowserContext context = chromium.newContext(1400, 1000)) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/admin/analytics.html");
            ChromiumExtension.signInAsAdmin(page, PASSWORD);

            var gap = page.locator("#gaps > li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Manchester"));
            assertThat(gap).containsText("(2)");
            gap.getByText("Not something we answer").click();

            assertThat(gap).containsText("Marked as not ours: 2 question(s) added");
            assertThat(gap.locator("button.not-ours")).isDisabled();
            Chromium.screenshot(page, "analytics-gap-marked-not-ours");
        }
        List<Map> examples = http.toBlocking().retrieve(HttpRequest.GET("/api/admin/knowledge/not-ours")
                .bearerAuth(adminToken(customers)), io.micronaut.core.type.Argument.listOf(Map.class));
        assertThat(examples).extracting(e -> e.get("text"))
                .contains("what is the weather in Manchester tomorrow?", "what is the weather like in Manchester tomorrow");
        assertThat(examples).allSatisfy(e -> assertThat(e).containsEntry("source", "gap").containsEntry("createdBy", "admin"));
    }

    private static void answer(CustomerClient customers, Reply conversation, String question, int score, String comment) {
        String body = "{\"questionId\":\"" + question + "\",\"score\":" + score
                + (comment == null ? "" : ",\"comment\":" + CustomerClient.quote(comment)) + "}";
        Reply stored = customers.exchange(HttpRequest.POST("/api/conversations/" + conversation.string("id") + "/survey-answers", body)
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(conversation.string("token")));
        assertThat(stored.status()).as("%s answer: %s", question, stored.body()).isEqualTo(201);
    }

    private static String adminToken(CustomerClient customers) {
        return customers.exchange(HttpRequest.POST("/login", Map.of("username", "admin", "password", PASSWORD))).string("access_token");
    }
}
