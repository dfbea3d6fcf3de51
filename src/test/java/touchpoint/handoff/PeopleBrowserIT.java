package touchpoint.handoff;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import touchpoint.testing.Chromium;
import touchpoint.testing.ChromiumExtension;

/**
 * An admin adds an agent on the People page, the agent signs in to the agent console with what the admin typed,
 * and once the admin disables them the console no longer lets them in.
 */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.admin-password", value = PeopleBrowserIT.PASSWORD)
class PeopleBrowserIT {

    static final String PASSWORD = "people-admin-password-1";

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @Inject
    EmbeddedServer server;

    @Test
    void should_add_an_agent_who_can_then_sign_in_to_the_console_until_disabled() {
        try (BrowserContext admin = chromium.newContext(1300, 800);
             BrowserContext agent = chromium.newContext(1300, 800)) {
            Page people = admin.newPage();
            people.navigate(server.getURL() + "/admin/");
            assertThat(people).hasURL(java.util.regex.Pattern.compile("/admin/analytics.html$"));
            people.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("People")).click();
            ChromiumExtension.signInAsAdmin(people, PASSWORD);
            assertThat(people.locator("#users tr[data-user=admin]")).containsText("admin");
            assertThat(people.locator("#users tr[data-user=admin] button:text-is(\"Disable\")")).hasCount(0);

            people.locator("#new-username").fill("priya");
            people.locator("#new-display").fill("Priya Shah");
            people.locator("#new-password").fill("priya-password-1");
            people.locator("#new-teams").fill("support, billing");
            people.locator("#create button[type=submit]").click();
            assertThat(people.locator("#status")).containsText("Priya Shah can now sign in as priya at /agent/.");
            Locator priya = people.locator("#users tr[data-user=priya]");
            assertThat(priya).containsText("agent");
            assertThat(priya).containsText("billing, support");
            assertThat(priya).containsText("active");
            Chromium.screenshot(people, "admin-people");

            Page console = agent.newPage();
            console.navigate(server.getURL() + "/agent/");
            ChromiumExtension.signInToConsole(console, "priya", "priya-password-1");
            assertThat(console.locator("#agent-name")).hasText("Priya Shah");

            people.onDialog(d -> d.accept());
            priya.getByText("Disable").click();
            assertThat(priya).containsText("disabled");

            console.locator("#logout").click();
            ChromiumExtension.signInToConsole(console, "priya", "priya-password-1");
            assertThat(console.locator("#login-error")).containsText("Wrong username or password, or the user is disabled.");
        }
    }
}
