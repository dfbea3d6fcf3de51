package touchpoint.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ReducedMotion;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Chromium for a test class: {@code @RegisterExtension static final ChromiumExtension chromium = new
 * ChromiumExtension();} starts it before the class's own {@code @BeforeAll} and closes it after the class.
 */
public final class ChromiumExtension implements BeforeAllCallback, AfterAllCallback {

    private Chromium.Session session;

    @Override
    public void beforeAll(ExtensionContext context) {
        session = Chromium.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /**
     * A fresh browser profile (another person at another computer) of the given window size, with the timeout every
     * browser test uses and reduced motion, so charts and transitions are drawn at once in screenshots.
     */
    public BrowserContext newContext(int width, int height) {
        BrowserContext context = session.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height).setReducedMotion(ReducedMotion.REDUCE));
        context.setDefaultTimeout(10_000);
        return context;
    }

    /** Signs in as {@code admin} on an admin page's sign-in form (analytics, people). */
    public static void signInAsAdmin(Page page, String password) {
        page.locator("#username").fill("admin");
        page.locator("#password").fill(password);
        page.locator("#login-form button[type=submit]").click();
    }

    /** Fills the agent console's sign-in form on the page (already at {@code /agent/}) and submits it. */
    public static void signInToConsole(Page page, String username, String password) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#login-form button[type=submit]").click();
    }
}
