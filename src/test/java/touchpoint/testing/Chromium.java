package touchpoint.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Starts the system's Chromium under Playwright. The browser is the distribution's package, not one Playwright
 * downloads; when it is missing the tests fail and say how to install it, because a skipped browser test would
 * let a broken widget through CI unnoticed.
 */
public final class Chromium {

    public static final Path EXECUTABLE = Paths.get(System.getProperty("touchpoint.test.chromium", "/usr/bin/chromium"));

    /** Flags that keep the browser from phoning home, which this closed network would refuse many times a second. */
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private Chromium() {
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright) {
        if (!Files.isExecutable(EXECUTABLE)) {
            fail("Chromium is not installed at " + EXECUTABLE + ". The browser tests need it: "
                    + "apt-get install -y chromium (CI installs it), or point -Dtouchpoint.test.chromium at another Chromium.");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(ARGS).setTimeout(30_000));
    }

    /** Where tests leave a picture of where they ended, to look at when one fails or the UI changes. */
    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    /** Playwright and one Chromium for a test class: start it in {@code @BeforeAll}, close it in {@code @AfterAll}. */
    public record Session(Playwright playwright, Browser browser) implements AutoCloseable {
        @Override
        public void close() {
            playwright.close();
        }
    }

    /** Starts a session with the assertion timeout every browser test uses (CI machines are slow). */
    public static Session start() {
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
        Playwright playwright = playwright();
        return new Session(playwright, launch(playwright));
    }

    /** Saves {@code page} as {@code target/screenshots/<name>.png}. */
    public static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }
}
