package touchpoint.analytics;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import touchpoint.testing.Chromium;
import touchpoint.testing.ChromiumExtension;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;

/**
 * The dashboard as a new install first shows it: one customer asked for a person and nobody has an agent account
 * yet. It used to fail on the summary's missing {@code byAgent}; it shows both reply times and empty groups.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
class AnalyticsDashboardBrowserIT implements TestPropertyProvider {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    private final String adminPassword = UUID.randomUUID().toString();

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("touchpoint.admin-password", adminPassword);
    }

    @Test
    void should_show_the_reply_times_and_empty_groups_without_error_for_one_escalated_conversation_and_no_agent() {
        CustomerClient customer = new CustomerClient(http.toBlocking());
        Reply started = customer.start("{\"touchpoint\":\"web\"}");
        customer.say(started.string("id"), started.string("token"), "m1", "Do you sell spaceships?");
        customer.say(started.string("id"), started.string("token"), "m2", "can I please talk to a human now");
        List<String> errors = new CopyOnWriteArrayList<>();

        try (BrowserContext context = chromium.newContext(1400, 1000)) {
            Page page = context.newPage();
            page.onPageError(errors::add);
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    errors.add(r.status() + " " + r.url());
                }
            });
            page.onConsoleMessage(m -> {
                // The browser asks for /favicon.ico on its own; the site has none, which is not this page's error.
                if ("error".equals(m.type()) && !m.location().contains("/favicon.ico")) {
                    errors.add(m.text() + " " + m.location());
                }
            });
            page.navigate(server.getURL() + "/admin/analytics.html");
            ChromiumExtension.signInAsAdmin(page, adminPassword);

            assertThat(page.locator("#by-touchpoint")).containsText("web");
            assertThat(page.locator("#kpis")).containsText("First reply from a person");
            assertThat(page.locator("#kpis")).containsText("0 answered");
            assertThat(page.locator("#kpis")).containsText("Bot reply time");
            assertThat(page.locator("#kpis")).containsText(" ms");
            assertThat(page.locator("#by-agent")).containsText("No data in this range.");
            assertThat(page.locator("#by-touchpoint th").nth(4)).hasText("Person reply median");
            assertThat(page.locator("#by-channel")).containsText("web");
            assertThat(page.locator("#status")).hasText("");
            Chromium.screenshot(page, "analytics-dashboard-one-escalation-no-agent");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Chromium.SCREENSHOTS.resolve("analytics-dashboard-one-escalation-no-agent-full.png")));

            // Narrowed to a channel nobody used, the figures are empty; back to all, the widget's conversation returns.
            page.locator("#channel").selectOption("telegram");
            page.locator("#filters button[type=submit]").click();
            assertThat(page.locator("#by-channel")).containsText("No data in this range.");
            page.locator("#channel").selectOption("");
            page.locator("#filters button[type=submit]").click();
            assertThat(page.locator("#by-channel")).containsText("web");
        }
        assertThat(errors).isEmpty();
    }
}
