package touchpoint.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import touchpoint.testing.Chromium;
import touchpoint.testing.ChromiumExtension;
import touchpoint.testing.CustomerClient;

/**
 * The knowledge editor in a real browser on the real engine: an admin signs in, writes an FAQ with a live
 * preview, saves a draft, tests a customer's question against draft and live, publishes, and the next customer
 * who asks is answered from it; a second edit shows up in the history as a new revision.
 */
class AdminEditorBrowserIT {

    private static final String PASSWORD = "editor-browser-password-1";
    private static final String QUESTION = "Can you wrap my order as a present?";

    private static EmbeddedServer server;
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();
    private static CustomerClient customer;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "touchpoint.admin-password", PASSWORD,
                "datasources.default.url", "jdbc:h2:mem:editor-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"),
                "test");
        customer = new CustomerClient(server.getApplicationContext().createBean(HttpClient.class, server.getURL()).toBlocking());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void should_publish_an_faq_written_in_the_editor_to_the_next_customer() {
        try (BrowserContext context = chromium.newContext(1400, 900)) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/admin/faqs.html");
            page.locator("#login-form input[name=username]").fill("admin");
            page.locator("#login-form input[name=password]").fill(PASSWORD);
            page.locator("#login-form button[type=submit]").click();
            assertThat(page.locator("#faq-list li").first()).isVisible();

            page.locator("#new-faq").click();
            page.locator("#f-id").fill("gift-wrapping");
            page.locator("#f-title").fill("Can you gift wrap my order?");
            page.locator("#f-questions").fill(String.join("\n", "Do you offer gift wrapping?", "can my order be gift wrapped",
                    "gift wrap options", "wrap a present for me", "is gift wrapping available at checkout"));
            page.locator("#f-tags").fill("orders");
            page.locator("#f-body").fill("Yes: tick **Gift wrap** at checkout. We wrap each item in recycled paper for €3.");
            assertThat(page.locator("#preview strong")).hasText("Gift wrap");

            page.locator("#save").click();
            assertThat(page.locator("#form-message")).containsText("Saved as revision 1");

            page.locator("#test-text").fill(QUESTION);
            page.locator("#test-form button[type=submit]").click();
            assertThat(page.locator("#verdict-draft .verdict li").first()).containsText("Can you gift wrap my order?");
            assertThat(page.locator("#verdict-live .verdict")).not().containsText("Can you gift wrap my order?");
            assertThat(firstReply(QUESTION)).doesNotContainEntry("faqId", "gift-wrapping");

            page.locator("#publish").click();
            assertThat(page.locator("#form-message")).containsText("Published revision 1");
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertThat(firstReply(QUESTION)).containsEntry("kind", "answer").containsEntry("faqId", "gift-wrapping"));

            page.locator("#f-body").fill("Yes: tick **Gift wrap** at checkout. Wrapping is free over €50.");
            page.locator("#save").click();
            assertThat(page.locator("#form-message")).containsText("Saved as revision 2");
            page.locator(".tabs button[data-tab=history]").click();
            assertThat(page.locator("#history > li")).hasCount(2);
            assertThat(page.locator("#history > li").nth(1)).containsText("live");
            assertThat(page.locator("#preview")).containsText("Wrapping is free over €50.");

            Chromium.screenshot(page, "admin-editor-published");
        }
    }

    /** What a new customer is told on asking {@code question} first. */
    @Test
    void should_say_it_does_not_know_to_a_question_like_the_not_ours_examples_added_on_the_faq_page() {
        String offTopic = "how do I cancel my netflix subscription";
        assertThat(firstReply(offTopic)).as("before: taken for cancel-an-order").containsEntry("type", "BOT_ANSWERED");
        try (BrowserContext context = chromium.newContext(1400, 900)) {
            Page page = context.newPage();
            page.navigate(server.getURL() + "/admin/faqs.html");
            page.locator("#login-form input[name=username]").fill("admin");
            page.locator("#login-form input[name=password]").fill(PASSWORD);
            page.locator("#login-form button[type=submit]").click();
            assertThat(page.locator("#faq-list li").first()).isVisible();

            page.locator(".tabs button[data-tab=not-ours]").click();
            page.locator("#not-ours-text").fill("how can I cancel my Netflix membership\nhow do I cancel my Spotify premium subscription");
            page.locator("#not-ours-form button[type=submit]").click();

            assertThat(page.locator("#not-ours > li")).hasCount(2);
            assertThat(page.locator("#not-ours")).containsText("how can I cancel my Netflix membership");
            Chromium.screenshot(page, "admin-editor-not-ours");
            assertThat(firstReply(offTopic)).containsEntry("type", "BOT_FELL_BACK");
            assertThat(firstReply("How do I cancel my order?")).containsEntry("faqId", "cancel-an-order");

            page.locator("#not-ours > li").first().locator("button").click();
            assertThat(page.locator("#not-ours > li")).hasCount(1);
            page.locator("#not-ours > li").first().locator("button").click();
            assertThat(page.locator("#not-ours")).containsText("None yet.");
            assertThat(firstReply(offTopic)).as("removed again").containsEntry("type", "BOT_ANSWERED");
        }
    }

    private static Map<String, Object> firstReply(String question) {
        var conversation = customer.start(null);
        return customer.say(conversation.string("id"), conversation.string("token"), "q", question).list("replies").get(0);
    }
}
