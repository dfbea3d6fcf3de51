package touchpoint.contact;

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
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import touchpoint.chat.Transcript;
import touchpoint.testing.Chromium;
import touchpoint.testing.ChromiumExtension;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.TranscriptScript;

/**
 * An identified customer comes back: on the demo shop the page identifies them at runtime
 * ({@code Touchpoint.identify}) and they open the chat, and the agent console shows, next to the new
 * conversation, who they are, their earlier conversation with its outcome and CES score, and the open follow-up
 * that score opened.
 */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.admin-password", value = Staff.ADMIN_PASSWORD)
@Property(name = "touchpoint.identity.secret", value = ContactProfileBrowserIT.SECRET)
class ContactProfileBrowserIT {

    static final String SECRET = "browser-test-identity-secret";

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
    void should_show_the_agent_an_identified_customers_earlier_conversation_and_score() {
        CustomerClient customer = new CustomerClient(http.toBlocking());
        String userId = "shop-user-1842";
        String userHash = IdentityVerification.sign(SECRET.getBytes(StandardCharsets.UTF_8), userId);
        Reply earlier = customer.start("{\"touchpoint\":\"checkout\",\"userId\":\"" + userId + "\",\"userHash\":\"" + userHash
                + "\",\"name\":\"Ann Smith\",\"email\":\"ann@example.com\"}");
        new TranscriptScript(transcript).agentResolves(earlier.string("id"), "returns", "sam");
        Reply scored = customer.exchange(HttpRequest.POST("/api/conversations/" + earlier.string("id") + "/survey-answers",
                "{\"questionId\":\"ces\",\"score\":1}").contentType(MediaType.APPLICATION_JSON).bearerAuth(earlier.string("token")));
        assertThat(scored.status()).isEqualTo(201);

        try (BrowserContext context = chromium.newContext(1400, 900)) {
            Page shop = context.newPage();
            shop.navigate(server.getURL() + "/demo");
            shop.waitForFunction("() => window.Touchpoint && window.Touchpoint.identify");
            String conversationId = startIdentifiedInWidget(shop, userId, userHash);
            assertThat(transcript.contactOf(conversationId)).contains(earlier.string("contactId"));

            Page console = context.newPage();
            console.navigate(server.getURL() + "/agent/#conversation=" + conversationId);
            ChromiumExtension.signInToConsole(console, "admin", Staff.ADMIN_PASSWORD);

            assertThat(console.locator("#customer")).isVisible();
            assertThat(console.locator("#customer-who")).containsText("Ann Smith");
            assertThat(console.locator("#customer-who")).containsText("ann@example.com");
            assertThat(console.locator("#customer-conversations li")).hasCount(2);
            assertThat(console.locator("#customer-conversations li[data-conversation='" + earlier.string("id") + "']"))
                    .containsText("CES 1");
            assertThat(console.locator("#customer-conversations li[data-conversation='" + earlier.string("id") + "']"))
                    .containsText("resolved by agent");
            assertThat(console.locator("#customer-tasks")).containsText("low CES 1");
            Chromium.screenshot(console, "agent-console-customer-profile");
        }
    }

    /** The shop page signs the user in after load, then the customer opens the widget: the start carries the claim. */
    private String startIdentifiedInWidget(Page shop, String userId, String userHash) {
        shop.evaluate("([id, hash]) => window.Touchpoint.identify({ userId: id, userHash: hash })", new String[] {userId, userHash});
        com.microsoft.playwright.Response started = shop.waitForResponse(
                r -> r.url().endsWith("/api/conversations") && "POST".equals(r.request().method()),
                () -> shop.locator("touchpoint-widget .launcher").click());
        String body = started.text();
        assertThat(body).contains("\"contactId\"");
        // The conversation's id is the response's first "id"; the messages' ids follow it.
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
        assertThat(id.find()).isTrue();
        return id.group(1);
    }
}
