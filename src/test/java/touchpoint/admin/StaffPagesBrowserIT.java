package touchpoint.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import touchpoint.testing.AccessibilityCheck;
import touchpoint.testing.Chromium;
import touchpoint.testing.ChromiumExtension;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;

/**
 * Every admin page and the agent console, signed in as an admin, on a fresh install and on one where a customer
 * has asked for a person while no agent exists yet: the two states a new team sees first. A page that logs an error
 * to the browser console or throws fails the test, whatever it shows; that is how a dashboard stopped by a list
 * the summary left out went unnoticed.
 */
class StaffPagesBrowserIT {

    private static final String PASSWORD = "staff-pages-password-1";

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @Test
    void should_open_every_staff_page_without_a_browser_error_on_a_fresh_install() {
        try (EmbeddedServer server = start()) {
            List<String> errors = openEveryPage(server, "fresh", false);

            assertThat(errors).as("browser console errors and page errors").isEmpty();
        }
    }

    @Test
    void should_open_every_staff_page_without_a_browser_error_once_a_customer_waits_and_no_agent_exists() {
        try (EmbeddedServer server = start()) {
            CustomerClient customer = new CustomerClient(server.getApplicationContext().createBean(HttpClient.class, server.getURL()).toBlocking());
            Reply c = customer.start(null);
            customer.say(c.string("id"), c.string("token"), "q1", "How do I return a lamp?");
            Reply asked = customer.say(c.string("id"), c.string("token"), "q2", "I want to talk to a person");
            assertThat(asked.list("replies")).extracting(m -> m.get("type")).contains("HANDOFF_REQUESTED");

            List<String> errors = openEveryPage(server, "escalated", true);

            assertThat(errors).as("browser console errors and page errors").isEmpty();
        }
    }

    /** Signs in on the first page and walks through the rest; answers what the browser reported as errors. */
    private static List<String> openEveryPage(EmbeddedServer server, String state, boolean customerWaiting) {
        List<String> errors = new CopyOnWriteArrayList<>();
        try (BrowserContext context = chromium.newContext(1400, 1000)) {
            Page page = context.newPage();
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    errors.add(page.url() + " console: " + m.text() + " (" + m.location() + ")");
                }
            });
            page.onPageError(e -> errors.add(page.url() + " page error: " + e));
            try {
                walk(server, page, state, customerWaiting);
            } catch (AssertionError | RuntimeException e) {
                // A page stopped by a script error fails the next expectation first: say why.
                throw new AssertionError(e.getMessage() + "\nbrowser errors so far: " + errors
                        + "\nthe page's status line: " + page.locator("#status").first().textContent(), e);
            }
        }
        return errors;
    }

    private static void walk(EmbeddedServer server, Page page, String state, boolean customerWaiting) {
        // A browser typing /admin lands on the sign-in form of the dashboard, not on a JSON 401.
        page.navigate(server.getURL() + "/admin");
        assertThat(page).hasURL(Pattern.compile("/admin/analytics\\.html$"));
        assertThat(page.locator("#login-form")).isVisible();
        Chromium.screenshot(page, "staff-pages-" + state + "-sign-in");
        AccessibilityCheck.assertNoViolations(page, "the sign-in form");
        ChromiumExtension.signInAsAdmin(page, PASSWORD);
        assertThat(page.locator("#kpis")).containsText("Conversations");
        assertThat(page.locator("#themes li").first()).isVisible();
        assertThat(page.locator("#status")).isEmpty();
        if (customerWaiting) {
            assertThat(page.locator("#by-touchpoint table")).isVisible();
        }
        Chromium.screenshot(page, "staff-pages-" + state + "-analytics");
        AccessibilityCheck.assertNoViolations(page, "the analytics dashboard (" + state + ")");

        page.navigate(server.getURL() + "/admin/faqs.html");
        page.locator("#faq-list li").first().click();
        assertThat(page.locator("#preview p").first()).isVisible();
        Chromium.screenshot(page, "staff-pages-" + state + "-faqs");
        AccessibilityCheck.assertNoViolations(page, "the FAQ editor (" + state + ")");

        page.navigate(server.getURL() + "/admin/users.html");
        assertThat(page.locator("#users tr[data-user=admin]")).isVisible();
        Chromium.screenshot(page, "staff-pages-" + state + "-users");
        AccessibilityCheck.assertNoViolations(page, "the People page (" + state + ")");

        page.navigate(server.getURL() + "/admin/canned-replies.html");
        assertThat(page.locator("#canned-form")).isVisible();
        Chromium.screenshot(page, "staff-pages-" + state + "-canned-replies");
        AccessibilityCheck.assertNoViolations(page, "the canned replies page (" + state + ")");

        page.navigate(server.getURL() + "/admin/teams.html");
        page.locator("#tree button[data-team=support]").click();
        assertThat(page.locator("#detail-title")).hasText("Support");
        Chromium.screenshot(page, "staff-pages-" + state + "-teams");
        AccessibilityCheck.assertNoViolations(page, "the teams page (" + state + ")");

        page.navigate(server.getURL() + "/admin/supervisor.html");
        assertThat(page.locator("#kpis")).containsText("waiting");
        if (customerWaiting) {
            assertThat(page.locator("#waiting tr[data-conversation]")).hasCount(1);
        }
        Chromium.screenshot(page, "staff-pages-" + state + "-supervision");
        AccessibilityCheck.assertNoViolations(page, "the supervision page (" + state + ")");

        page.navigate(server.getURL() + "/admin/channels.html");
        assertThat(page.locator("#channels-view")).isVisible();
        assertThat(page.locator("#new-type option").first()).isAttached();
        Chromium.screenshot(page, "staff-pages-" + state + "-channels");
        AccessibilityCheck.assertNoViolations(page, "the channels page (" + state + ")");

        page.navigate(server.getURL() + "/agent");
        assertThat(page.locator("#agent-name")).not().isEmpty();
        if (customerWaiting) {
            assertThat(page.locator("#queue li")).hasCount(1);
            page.locator("#queue li").first().click();
            assertThat(page.locator("#messages")).containsText("I want to talk to a person");
            assertThat(page.locator("#summary-questions")).containsText("How do I return a lamp?");
        } else {
            assertThat(page.locator("#queue-empty")).isVisible();
        }
        Chromium.screenshot(page, "staff-pages-" + state + "-console");
        AccessibilityCheck.assertNoViolations(page, "the agent console (" + state + ")");
    }

    private static EmbeddedServer start() {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "touchpoint.test.scripted-knowledge", "true",
                "touchpoint.admin-password", PASSWORD,
                "datasources.default.url", "jdbc:h2:mem:staff-pages-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"),
                "test");
    }
}
