package touchpoint.widget;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import touchpoint.testing.Chromium;
import touchpoint.testing.ChromiumExtension;

/**
 * One Chromium per test class, a fresh browser profile per test (so storage never leaks between tests), and a
 * screenshot of where each test ended under target/screenshots/ to look at when a test fails or the UI changes.
 */
abstract class BrowserTestSupport {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @Inject
    EmbeddedServer server;

    BrowserContext context;
    private final List<BrowserContext> others = new CopyOnWriteArrayList<>();
    Page page;
    final List<String> dialogs = new CopyOnWriteArrayList<>();
    final List<String> console = new CopyOnWriteArrayList<>();
    private String testName;

    @BeforeEach
    void openPage(TestInfo info) {
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
        context = chromium.newContext(1280, 800);
        page = watch(context.newPage());
    }

    @AfterEach
    void screenshotAndClose() {
        if (page != null && !page.isClosed()) {
            Chromium.screenshot(page, testName);
        }
        others.forEach(BrowserContext::close);
        others.clear();
        context.close();
    }

    /** A page in a browser context of its own (another person at another computer), closed after the test. */
    Page otherPage() {
        BrowserContext other = chromium.newContext(1280, 800);
        others.add(other);
        return watch(other.newPage());
    }

    /** Records alerts (an XSS payload that ran would open one) and console output (CSP violations show there). */
    Page watch(Page p) {
        p.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
        p.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
        p.onPageError(e -> console.add("pageerror: " + e));
        return p;
    }

    void screenshot(String name) {
        Chromium.screenshot(page, name);
    }

    String base() {
        return "http://127.0.0.1:" + server.getPort();
    }

    static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    // Playwright's CSS selectors reach into open shadow roots, so these find the widget's parts directly.

    static Locator launcher(Page p) {
        return p.locator("touchpoint-widget .launcher");
    }

    static Locator panel(Page p) {
        return p.locator("touchpoint-widget .panel");
    }

    static Locator input(Page p) {
        return p.locator("touchpoint-widget .composer textarea");
    }

    static Locator messages(Page p, String selector) {
        return p.locator("touchpoint-widget .log > li" + selector);
    }

    static void ask(Page p, String text) {
        input(p).fill(text);
        input(p).press("Enter");
    }

    /** The conversation the widget keeps for this API origin, as {@code [id, token]}. */
    String[] storedConversation(Page p) {
        Object stored = p.evaluate("key => JSON.parse(localStorage.getItem(key))", "touchpoint.widget:" + base() + ":conversation");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> map = (java.util.Map<String, Object>) stored;
        return new String[] {(String) map.get("id"), (String) map.get("token")};
    }

    /** Which element has focus, looking through the widget's shadow root: "launcher", "input", or a tag name. */
    static String focused(Page p) {
        return (String) p.evaluate("""
                () => {
                  let el = document.activeElement;
                  if (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
                  if (!el) return 'none';
                  if (el.classList.contains('launcher')) return 'launcher';
                  if (el.matches('.composer textarea')) return 'input';
                  return el.tagName.toLowerCase();
                }""");
    }
}
