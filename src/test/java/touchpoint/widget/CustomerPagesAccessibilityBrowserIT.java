package touchpoint.widget;

import org.junit.jupiter.api.Test;
import touchpoint.testing.AccessibilityCheck;

/** The customer's pages pass axe-core's WCAG 2.1 AA rules: the help centre, and the demo shop with the widget open. */
@WidgetBrowserScenario
class CustomerPagesAccessibilityBrowserIT extends BrowserTestSupport {

    @Test
    void should_find_no_accessibility_violation_on_the_help_centre() {
        page.navigate(base() + "/");
        expect(page.locator("main")).isVisible();

        AccessibilityCheck.assertNoViolations(page, "the help centre");
    }

    @Test
    void should_find_no_accessibility_violation_on_the_demo_shop_with_the_widget_open_and_answering() {
        page.navigate(base() + "/demo");
        launcher(page).click();
        expect(messages(page, ".bot").first()).containsText("Hi!");
        ask(page, "How do I return a lamp?");
        expect(messages(page, ".answer .meta")).isVisible();

        AccessibilityCheck.assertNoViolations(page, "the demo shop with the widget open");
    }
}
