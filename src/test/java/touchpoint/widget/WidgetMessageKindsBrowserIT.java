package touchpoint.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the widget shows each kind of message: sanitized answers, agents, surveys, the leave-a-message form.
 * The service's replies are scripted here because hand-off and surveys are separate features; until their
 * endpoints exist the widget's fallbacks are exercised against the real service (which answers 401 there).
 */
@WidgetBrowserScenario
class WidgetMessageKindsBrowserIT extends BrowserTestSupport {

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
    void should_ask_nps_on_a_0_to_10_scale_with_one_click() {
        service.then("""
                {"author":"bot","kind":"survey","type":"SURVEY_ASKED","text":"How likely are you to recommend us?",
                 "survey":{"questionId":"nps-1","type":"nps","min":0,"max":10}}""");
        ask(page, "bye");
        expect(messages(page, ".survey .score")).hasCount(11);
        screenshot("should_ask_nps-scale");

        // Answering goes to the survey endpoint; the end-to-end survey flow is WidgetEscalationBrowserIT's.
        expect(page.locator("touchpoint-widget .ends")).containsText("Not at all likely");
    }

}
