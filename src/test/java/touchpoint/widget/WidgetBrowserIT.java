package touchpoint.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;

/** The widget on the demo shop, driven like a customer would in a real Chromium. */
@WidgetBrowserScenario
class WidgetBrowserIT extends BrowserTestSupport {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void should_answer_a_question_asked_in_the_widget_on_the_demo_shop() {
        page.navigate(base() + "/demo");
        launcher(page).click();

        expect(messages(page, ".bot").first()).containsText("Hi!");
        ask(page, "How do I return a lamp?");

        expect(messages(page, ".customer")).hasText("You: How do I return a lamp?");
        expect(messages(page, ".answer .bubble p")).hasText("You can return items within **30 days**.");
        expect(messages(page, ".answer .meta")).hasText("From our help centre: What is your return policy?");
        expect(page.locator("touchpoint-widget [aria-live=polite]")).containsText("Assistant: You can return items");
        assertThat(console).noneMatch(line -> line.contains("Content Security Policy") || line.startsWith("pageerror"));
    }

    @Test
    void should_store_a_thumb_in_the_transcript_and_thank_the_customer() {
        page.navigate(base() + "/demo");
        launcher(page).click();
        ask(page, "return policy?");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, this helped")).click();

        expect(messages(page, ".answer .thumbs")).hasText("Thanks for your feedback!");
        assertThat(eventTypes(storedConversation(page))).contains("ANSWER_RATED");
    }

    @Test
    void should_send_the_clarify_option_the_customer_clicks() {
        page.navigate(base() + "/demo");
        launcher(page).click();
        ask(page, "refund or return?");

        // The options are the buttons; the question's text does not list them again.
        expect(messages(page, ".clarify .bubble")).containsText("Did you mean one of these?");
        expect(messages(page, ".clarify .bubble")).not().containsText("When will I get my refund?");
        expect(messages(page, ".clarify .chip")).hasCount(3);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("When will I get my refund?")).click();

        expect(messages(page, ".customer").last()).containsText("When will I get my refund?");
        expect(messages(page, ".answer")).containsText("Refunds arrive within 5 working days.");
        expect(messages(page, ".clarify .chip").first()).isDisabled();
    }

    @Test
    void should_resume_the_conversation_after_a_reload_and_in_a_new_tab() {
        page.navigate(base() + "/demo");
        launcher(page).click();
        ask(page, "How do I return a lamp?");
        expect(messages(page, ".answer")).containsText("30 days");
        String[] before = storedConversation(page);

        page.reload();

        expect(panel(page)).isVisible();
        expect(messages(page, ".answer")).containsText("30 days");
        expect(messages(page, ".customer")).hasCount(1);
        expect(messages(page, "")).hasCount(3);
        assertThat(storedConversation(page)).isEqualTo(before);

        Page second = watch(context.newPage());
        second.navigate(base() + "/demo");
        launcher(second).click();
        expect(messages(second, ".answer")).containsText("30 days");
        ask(second, "Do you sell spaceships?");

        // The first tab hears about it over its live socket, once.
        expect(messages(page, ".fallback")).containsText("I don't have an answer for that.");
        expect(messages(page, ".customer")).hasCount(2);
        expect(messages(page, "")).hasCount(5);
        second.close();
    }

    @Test
    void should_render_a_script_injection_attempt_as_plain_text() {
        String payload = "<img src=x onerror=alert(1)>";
        page.navigate(base() + "/demo");
        launcher(page).click();

        ask(page, payload);

        expect(messages(page, ".customer .text")).hasText(payload);
        expect(messages(page, ".fallback")).isVisible();
        expect(page.locator("touchpoint-widget img")).hasCount(0);
        page.waitForTimeout(500);
        assertThat(dialogs).isEmpty();
    }

    @Test
    void should_work_end_to_end_with_the_keyboard_only() {
        page.navigate(base() + "/demo");

        // Tab through the shop's links until the launcher has focus: it must be reachable at all.
        for (int i = 0; i < 30 && !focused(page).equals("launcher"); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(focused(page)).isEqualTo("launcher");

        page.keyboard().press("Enter");
        expect(panel(page)).isVisible();
        assertThat(focused(page)).isEqualTo("input");
        page.keyboard().type("refund or return?");
        page.keyboard().press("Enter");
        expect(messages(page, ".clarify")).isVisible();

        // From the input, Shift+Tab walks back up the conversation to the clarify options.
        for (int i = 0; i < 10 && !"When will I get my refund?".equals(focusedText(page)); i++) {
            page.keyboard().press("Shift+Tab");
        }
        page.keyboard().press("Enter");
        expect(messages(page, ".answer")).containsText("Refunds arrive");
        screenshot("should_work_end_to_end_with_the_keyboard_only-open");

        page.keyboard().press("Escape");
        expect(panel(page)).isHidden();
        assertThat(focused(page)).isEqualTo("launcher");
    }

    @Test
    void should_fill_a_small_screen_when_open() {
        page.setViewportSize(375, 740);
        page.navigate(base() + "/demo");
        launcher(page).click();
        expect(messages(page, ".bot").first()).containsText("Hi!");

        var box = panel(page).boundingBox();

        assertThat(box.x).isZero();
        assertThat(box.y).isZero();
        assertThat(box.width).isEqualTo(375);
        assertThat(box.height).isEqualTo(740);
    }

    @Test
    void should_queue_messages_typed_offline_and_send_each_once_when_back() {
        page.navigate(base() + "/demo");
        launcher(page).click();
        expect(messages(page, ".bot").first()).containsText("Hi!");

        context.setOffline(true);
        ask(page, "How do I return a lamp?");
        ask(page, "Do you sell spaceships?");
        expect(page.locator("touchpoint-widget .pending")).hasCount(2);
        expect(page.locator("touchpoint-widget .status")).containsText("offline");
        context.setOffline(false);

        expect(messages(page, ".answer")).containsText("30 days");
        expect(messages(page, ".fallback")).isVisible();
        expect(page.locator("touchpoint-widget .pending")).hasCount(0);
        expect(messages(page, ".customer")).hasCount(2);
        assertThat(customerTexts(storedConversation(page))).containsExactly("How do I return a lamp?", "Do you sell spaceships?");
    }

    @Test
    void should_store_a_message_once_when_its_response_was_lost_and_it_is_retried() {
        page.navigate(base() + "/demo");
        launcher(page).click();
        expect(messages(page, ".bot").first()).containsText("Hi!");
        AtomicBoolean lostOne = new AtomicBoolean();
        List<String> bodies = new CopyOnWriteArrayList<>();
        page.route(Pattern.compile(".*/messages$"), route -> {
            bodies.add(route.request().postData());
            if (lostOne.compareAndSet(false, true)) {
                route.fetch();  // the service stores it...
                route.abort();  // ...and the answer never reaches the browser
            } else {
                route.resume();
            }
        });

        ask(page, "How do I return a lamp?");

        expect(messages(page, ".answer")).containsText("30 days");
        page.waitForCondition(() -> bodies.size() >= 2);
        assertThat(bodies.get(1)).isEqualTo(bodies.get(0));
        expect(messages(page, ".customer")).hasCount(1);
        assertThat(customerTexts(storedConversation(page))).containsExactly("How do I return a lamp?");
    }

    @Test
    void should_reconnect_the_live_socket_and_show_what_it_missed_once() {
        List<WebSocketRoute> sockets = new CopyOnWriteArrayList<>();
        page.routeWebSocket(Pattern.compile(".*/ws/conversations/.*"), ws -> {
            ws.connectToServer();
            sockets.add(ws);
        });
        page.navigate(base() + "/demo");
        launcher(page).click();
        expect(messages(page, ".bot").first()).containsText("Hi!");
        page.waitForCondition(() -> sockets.size() == 1);
        String[] conversation = storedConversation(page);

        sockets.get(0).close(new WebSocketRoute.CloseOptions().setCode(1001).setReason("server going away"));
        new CustomerClient(http.toBlocking()).say(conversation[0], conversation[1], "other-tab-1", "How do I return a lamp?");

        page.waitForCondition(() -> sockets.size() == 2, new Page.WaitForConditionOptions().setTimeout(10_000));
        expect(messages(page, ".answer")).containsText("30 days");
        expect(messages(page, ".customer")).hasCount(1);
        expect(messages(page, "")).hasCount(3);
    }

    @Test
    void should_find_articles_in_the_help_centre_and_hand_the_question_to_the_assistant() {
        page.navigate(base() + "/");
        expect(page.locator("#topics details")).hasCount(2);
        page.locator("#search").fill("refund");
        expect(page.locator("#topics details")).hasCount(1);
        expect(page.locator("#topics summary")).hasText("When will I get my refund?");
        page.locator("#topics summary").click();
        expect(page.locator("#topics .answer")).containsText("Refunds arrive within 5 working days.");

        page.locator("#search").fill("How do I return a lamp?");
        expect(page.locator("#topics summary").first()).hasText("What is your return policy?");
        page.locator("#search").fill("sofa cushions");
        expect(page.locator("#no-match")).isVisible();
        page.locator("#search").fill("How do I return a lamp?");
        page.locator("#search").press("Enter");

        expect(messages(page, ".customer .text").last()).hasText("How do I return a lamp?");
        expect(messages(page, ".bot").last()).containsText("30 days");
        assertThat(console).noneMatch(line -> line.contains("Content Security Policy") || line.startsWith("pageerror"));
    }

    private static String focusedText(Page p) {
        return (String) p.evaluate("() => { const a = document.activeElement; const e = a && a.shadowRoot ? a.shadowRoot.activeElement : a; return e ? e.textContent : ''; }");
    }

    private List<String> eventTypes(String[] conversation) {
        List<Map<String, Object>> all = new CustomerClient(http.toBlocking()).messages(conversation[0], conversation[1], 0).list("messages");
        return all.stream().map(m -> (String) m.get("type")).toList();
    }

    private List<String> customerTexts(String[] conversation) {
        List<Map<String, Object>> all = new CustomerClient(http.toBlocking()).messages(conversation[0], conversation[1], 0).list("messages");
        return all.stream().filter(m -> "CUSTOMER_ASKED".equals(m.get("type"))).map(m -> (String) m.get("text")).toList();
    }
}
