package touchpoint.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the widget shows each kind of message: sanitized answers, agents, surveys, the leave-a-message form.
 * The service's replies are scripted here because hand-off and surveys are separate features; until their
 * endpoints exist the widget's fallbacks are exercised against the real service (which answers 401 there).
 */
@MicronautTest
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
class WidgetMessageKindsBrowserTest extends BrowserTestSupport {

    ScriptedReplies service;

    @BeforeEach
    void openChat() {
        page.navigate(base() + "/demo");
        launcher(page).click();
        expect(messages(page, ".bot").first()).containsText("Hi!");
        service = new ScriptedReplies(page, 2);
    }

    @Test
    void should_open_answer_links_in_a_new_tab_without_referrer_and_drop_anything_active() {
        service.then("""
                {"author":"bot","kind":"answer","type":"BOT_ANSWERED","text":"See the guide","faqId":"returns",
                 "html":"<p>See <a href=\\"https://help.example/returns\\">the guide</a> or <a href=\\"/faq/returns\\">our FAQ</a>.<img src=x onerror=alert(1)><a href=\\"javascript:alert(2)\\">here</a><script>alert(3)</script></p>",
                 "data":{"title":"Returns"}}""");

        ask(page, "links?");

        Locator links = messages(page, ".answer a");
        expect(links).hasCount(3);
        expect(links.nth(0)).hasAttribute("href", "https://help.example/returns");
        expect(links.nth(1)).hasAttribute("href", base() + "/faq/returns");
        for (int i = 0; i < 2; i++) {
            expect(links.nth(i)).hasAttribute("target", "_blank");
            expect(links.nth(i)).hasAttribute("rel", "noopener noreferrer nofollow");
        }
        assertThat(links.nth(2).getAttribute("href")).isNull();
        expect(page.locator("touchpoint-widget img, touchpoint-widget .log script")).hasCount(0);
        page.waitForTimeout(300);
        assertThat(dialogs).isEmpty();
    }

    @Test
    void should_show_the_agents_name_when_a_person_joins() {
        service.then(
                "{\"author\":\"system\",\"kind\":\"event\",\"type\":\"HANDOFF_REQUESTED\"}",
                "{\"author\":\"system\",\"kind\":\"event\",\"type\":\"AGENT_JOINED\",\"data\":{\"agentName\":\"Sam\"}}",
                "{\"author\":\"agent\",\"kind\":\"text\",\"type\":\"AGENT_REPLIED\",\"text\":\"Hi, I'm Sam. Let me look at your order.\",\"data\":{\"agentName\":\"Sam\"}}");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Talk to a person").setExact(true)).click();

        expect(messages(page, ".system").last()).hasText("Notice: Sam joined the chat");
        expect(messages(page, ".agent .name")).hasText("Sam");
        expect(messages(page, ".agent .bubble")).hasText("Sam: Hi, I'm Sam. Let me look at your order.");
        assertThat(service.sentTexts).containsExactly("Talk to a person");
    }

    @Test
    void should_ask_csat_with_stars_and_a_comment_and_answer_in_the_chat_until_the_survey_endpoint_exists() {
        service.then("""
                {"author":"bot","kind":"survey","type":"SURVEY_ASKED","text":"How satisfied are you with this chat?",
                 "survey":{"questionId":"csat-1","type":"csat","min":1,"max":5}}""");
        ask(page, "bye");
        Locator stars = messages(page, ".survey .star");
        expect(stars).hasCount(5);

        stars.nth(3).click();
        page.getByLabel("Anything to add? (optional)").fill("Quick and friendly");
        screenshot("should_ask_csat-stars");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send rating")).click();

        expect(messages(page, ".survey .rating")).hasText("Thanks for your feedback!");
        page.waitForCondition(() -> service.sentTexts.size() == 2);
        assertThat(service.sentTexts).containsExactly("bye", "4");
    }

    @Test
    void should_ask_nps_on_a_0_to_10_scale_with_one_click() {
        service.then("""
                {"author":"bot","kind":"survey","type":"SURVEY_ASKED","text":"How likely are you to recommend us?",
                 "survey":{"questionId":"nps-1","type":"nps","min":0,"max":10}}""");
        ask(page, "bye");
        expect(messages(page, ".survey .score")).hasCount(11);
        screenshot("should_ask_nps-scale");

        messages(page, ".survey .score").filter(new Locator.FilterOptions().setHasText("9")).click();

        expect(messages(page, ".survey .rating")).hasText("Thanks for your feedback!");
        page.waitForCondition(() -> service.sentTexts.size() == 2);
        assertThat(service.sentTexts).containsExactly("bye", "9");
    }

    @Test
    void should_offer_a_leave_a_message_form_when_no_agent_is_online() {
        service.then("""
                {"author":"system","kind":"event","type":"SYSTEM_NOTICE","text":"No one is available right now. Leave a message and we will email you.",
                 "data":{"noAgentOnline":"true"}}""");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Talk to a person").setExact(true)).click();
        expect(messages(page, " .leave")).isVisible();

        page.getByLabel("Your email").fill("ada@example.org");
        messages(page, " .leave textarea").fill("My lamp arrived broken.");
        screenshot("should_offer_a_leave_a_message_form-filled");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send message")).click();

        expect(messages(page, ".system").last()).containsText("Thanks! We will reply to ada@example.org.");
        page.waitForCondition(() -> service.sentTexts.size() == 2);
        assertThat(service.sentTexts.get(1)).isEqualTo("Message for the team (reply to ada@example.org): My lamp arrived broken.");
    }
}
