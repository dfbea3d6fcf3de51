package touchpoint.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import touchpoint.testing.AccessibilityCheck;
import touchpoint.testing.ChromiumExtension;

/**
 * The agent's workspace with a customer on the other side, both in real browsers: the customer sends a photo from
 * the widget and the agent sees it; the agent answers with a canned reply typed as its shortcut and writes a
 * private note, which the customer never sees; both pages stay free of accessibility violations.
 */
@WidgetBrowserScenario
@Property(name = "touchpoint.admin-password", value = AgentWorkspaceBrowserIT.PASSWORD)
@Property(name = "touchpoint.handoff.auto-assign", value = "false")
class AgentWorkspaceBrowserIT extends BrowserTestSupport {

    static final String PASSWORD = "workspace-browser-password-1";
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void should_show_the_customers_photo_to_the_agent_send_a_canned_reply_and_keep_the_note_from_the_customer() {
        String admin = http.toBlocking().retrieve(HttpRequest.POST("/login",
                Map.of("username", "admin", "password", PASSWORD)), Map.class).get("access_token").toString();
        http.toBlocking().exchange(HttpRequest.POST("/api/admin/canned-replies",
                Map.of("shortcut", "refund", "title", "Refund on its way",
                        "body", "Hi {{customer.name | there}}, your refund is on its way. I am {{agent.name}}."))
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(admin));

        // The customer asks for a person and sends a photo of the damage.
        page.navigate(base() + "/demo");
        launcher(page).click();
        expect(messages(page, ".bot").first()).containsText("Hi!");
        ask(page, "I want to talk to a person");
        expect(messages(page, "[data-type=HANDOFF_REQUESTED]")).isVisible();
        page.locator("touchpoint-widget #tp-file").setInputFiles(new FilePayload("broken lamp.png", "image/png", PNG));
        expect(messages(page, ".customer.attachment img.photo")).isVisible();

        // The agent takes the conversation and sees the photo.
        Page console = otherPage();
        console.navigate(base() + "/agent/");
        ChromiumExtension.signInToConsole(console, "admin", PASSWORD);
        console.locator("#queue li").first().click();
        console.locator("#claim").click();
        expect(console.locator("#reply-form")).isVisible();
        expect(console.locator("#messages img.attachment")).isVisible();
        expect(console.locator("#messages img.attachment")).hasAttribute("alt", "Photo from the customer: broken-lamp.png");

        // A canned reply by its shortcut: Enter on "/ref" takes it, Enter again sends it.
        console.locator("#reply-text").fill("/ref");
        console.locator("#reply-text").dispatchEvent("input");
        expect(console.locator("#canned-suggestions")).containsText("/refund");
        console.locator("#reply-text").press("Enter");
        expect(console.locator("#reply-text")).hasValue("Hi there, your refund is on its way. I am Administrator.");
        console.locator("#reply-text").press("Shift+Enter");
        console.locator("#reply-text").pressSequentially("Thanks for the photo.");
        console.locator("#reply-text").press("Enter");
        expect(console.locator("#reply-text")).hasValue("");

        console.locator("#note-text").fill("SECRET-NOTE: refund approved without a return");
        console.locator("#note-form button[type=submit]").click();
        expect(console.locator("#messages li.note")).containsText("SECRET-NOTE");

        // A label, then the conversation found by it in the search panel.
        console.locator("#label-new").fill("Damaged");
        console.locator("#label-form button[type=submit]").click();
        expect(console.locator("#labels")).containsText("damaged");
        console.locator("#search-label").fill("damaged");
        console.locator("#search-form button[type=submit]").click();
        expect(console.locator("#search-results li")).hasCount(1);
        expect(console.locator("#search-summary")).hasText("1 of 1 conversations");

        // Typing shows on the other side, both ways. Each side says so at most every 2 s: the customer typed a
        // moment ago when asking for a person, so the test waits out that interval first, as it does for the console.
        page.waitForTimeout(2100);
        input(page).pressSequentially("one more thing");
        expect(console.locator("#typing")).isVisible();
        // The console said it was typing a moment ago ("Thanks for the photo."); it says so again only 2 s later.
        console.waitForTimeout(2100);
        console.locator("#reply-text").pressSequentially("Anything");
        expect(page.locator("touchpoint-widget .typing")).isVisible();
        console.locator("#reply-text").fill("");
        input(page).fill("");
        AccessibilityCheck.assertNoViolations(console, "the agent console with a conversation, a photo, a note, labels, search results and a canned reply");

        // The customer gets the reply, on two lines, and never the note.
        expect(messages(page, ".agent").last()).containsText("your refund is on its way");
        expect(messages(page, ".agent").last()).containsText("Thanks for the photo.");
        console.locator("#reply-text").fill("Anything else?");
        console.locator("#reply-text").press("Enter");
        expect(messages(page, ".agent").last()).containsText("Anything else?");
        assertThat(page.locator("touchpoint-widget .log").textContent()).doesNotContain("SECRET-NOTE");
        page.reload();
        if (panel(page).isHidden()) {
            launcher(page).click();
        }
        expect(messages(page, ".agent").last()).containsText("Anything else?");
        assertThat(page.locator("touchpoint-widget .log").textContent()).doesNotContain("SECRET-NOTE");
        AccessibilityCheck.assertNoViolations(page, "the widget with a photo and an agent's replies");
        screenshot("agent-workspace-customer");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(console.locator("#messages li.note")).hasCount(1);
        touchpoint.testing.Chromium.screenshot(console, "agent-workspace-console");
    }
}
