package touchpoint.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import touchpoint.testing.Chromium;
import touchpoint.testing.ChromiumExtension;

/**
 * The main customer path in the widget on the real knowledge engine (the bundled ONNX models) and the demo
 * {@code faq-content/}, where the other widget tests use a keyword stub: a question answered with its source, a
 * one-word question the bot asks to clarify, a question it cannot answer, and the hand-off to the agent who is
 * online. The questions were picked because the engine answers them this way; a change that makes it answer them
 * otherwise shows here first.
 */
@MicronautTest
@Property(name = "touchpoint.admin-password", value = CustomerPathOnRealEngineBrowserIT.ADMIN_PASSWORD)
class CustomerPathOnRealEngineBrowserIT extends BrowserTestSupport {

    static final String ADMIN_PASSWORD = "real-engine-admin-password-1";
    private static final String AGENT_PASSWORD = "real-engine-agent-password-1";

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void should_answer_clarify_fall_back_and_hand_off_to_an_agent_on_the_demo_faqs() {
        createAgent();
        Page agent = otherPage();
        agent.navigate(base() + "/agent/");
        ChromiumExtension.signInToConsole(agent, "robin", AGENT_PASSWORD);
        expect(agent.locator("#agent-name")).hasText("Robin");
        agent.waitForResponse(r -> r.url().endsWith("/api/agent/presence") && r.status() == 200,
                () -> agent.locator("#presence").selectOption("online"));

        page.navigate(base() + "/demo");
        launcher(page).click();
        expect(messages(page, ".bot").first()).isVisible();

        // An answer, with the FAQ it came from and the FAQ's own link.
        ask(page, "How do I return an item?");
        Locator answer = messages(page, ".answer").last();
        expect(answer.locator(".meta")).hasText("From our help centre: How do I return an item?");
        expect(answer.locator(".bubble a").first()).hasText("Start a return");
        expect(answer.locator(".bubble a").first()).hasAttribute("href", "https://hearthandpine.example/returns/start");

        // One word that fits three FAQs: the bot asks which, offering each once, as a button.
        ask(page, "refund");
        Locator clarify = messages(page, ".clarify").last();
        expect(clarify.locator(".bubble")).containsText("Did you mean one of these?");
        expect(clarify.locator(".bubble")).not().containsText("How long does a refund take?");
        expect(clarify.locator(".chip")).hasText(new String[] {"Where will my refund go?", "How long does a refund take?",
                "Why did I only get a partial refund?", "None of these"});
        Chromium.screenshot(page, "customer-path-real-engine-clarify");
        clarify.locator(".chip").nth(1).click();
        expect(messages(page, ".answer").last().locator(".meta")).hasText("From our help centre: How long does a refund take?");

        // Something the shop's FAQs do not cover: an honest fallback that offers a person.
        ask(page, "What is the capital of Peru?");
        Locator fallback = messages(page, ".fallback").last();
        expect(fallback).containsText("I don't have an answer for that yet");
        fallback.locator(".chip").filter(new Locator.FilterOptions().setHasText("Talk to a person")).click();

        // The agent who is online gets the conversation with what happened so far, and their reply reaches the widget.
        expect(agent.locator("#mine li")).hasCount(1);
        agent.locator("#mine li").first().click();
        expect(agent.locator("#summary-questions")).containsText("What is the capital of Peru?");
        // The bot's answers read in the console as the customer saw them, not as markdown source.
        expect(agent.locator("#messages .rich a").first()).hasText("Start a return");
        expect(agent.locator("#messages")).not().containsText("](https://");
        agent.locator("#reply-text").fill("Hi, I'm Robin: Lima. Anything about your order?");
        agent.locator("#reply-form button[type=submit]").click();
        expect(messages(page, ".agent .bubble")).containsText("Hi, I'm Robin: Lima.");
        Chromium.screenshot(agent, "customer-path-real-engine-console");

        assertThat(console).as("browser errors in the widget").noneMatch(line -> line.startsWith("error") || line.startsWith("pageerror"));
    }

    private void createAgent() {
        var blocking = http.toBlocking();
        Map<String, Object> admin = blocking.retrieve(HttpRequest.POST("/login",
                Map.of("username", "admin", "password", ADMIN_PASSWORD)), Argument.mapOf(String.class, Object.class));
        blocking.exchange(HttpRequest.POST("/api/admin/users", Map.of("username", "robin", "password", AGENT_PASSWORD,
                        "displayName", "Robin", "roles", List.of("AGENT"),
                        "teams", List.of("support", "returns", "delivery", "orders", "billing")))
                .bearerAuth((String) admin.get("access_token")));
    }
}
