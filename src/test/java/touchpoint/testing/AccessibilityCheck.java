package touchpoint.testing;

import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs axe-core in the page under test with the WCAG 2.1 A and AA rules and fails with every violation's rule id,
 * where it is and what to fix. Call it on every page a browser test opens, in the state worth checking (a dialog
 * open, signed in), after the page has drawn what it loads:
 * {@code AccessibilityCheck.assertNoViolations(page, "agent console, conversation open")}.
 */
public final class AccessibilityCheck {

    /** The rule sets of WCAG 2.0 and 2.1, levels A and AA. */
    public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final String AXE = load();

    private static final String RUN = """
            tags => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
              .then(result => result.violations.map(v => ({
                id: v.id, impact: v.impact || '', help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' '))
              })))
            """;

    private AccessibilityCheck() {
    }

    /** Fails when axe-core finds any WCAG 2.1 A or AA violation in {@code page}; {@code where} names the state. */
    public static void assertNoViolations(Page page, String where) {
        List<Map<String, Object>> violations = violations(page);
        if (!violations.isEmpty()) {
            fail("axe-core found " + violations.size() + " WCAG 2.1 AA violation(s) on " + where + " (" + page.url() + "): "
                    + violations.stream().map(v -> v.get("id").toString()).collect(Collectors.joining(", ")) + "\n"
                    + violations.stream().map(AccessibilityCheck::describe).collect(Collectors.joining("\n")));
        }
    }

    /** The violations axe-core finds, each with {@code id}, {@code impact}, {@code help} and up to five {@code nodes}. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> violations(Page page) {
        // Evaluated through the browser's debugging protocol, so the page's own CSP (script-src 'self') does not apply.
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(AXE);
        }
        return (List<Map<String, Object>>) page.evaluate(RUN, TAGS);
    }

    @SuppressWarnings("unchecked")
    private static String describe(Map<String, Object> v) {
        return "- " + v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + "\n    "
                + String.join("\n    ", (List<String>) v.get("nodes"));
    }

    private static String load() {
        try (InputStream in = AccessibilityCheck.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:playwright)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
