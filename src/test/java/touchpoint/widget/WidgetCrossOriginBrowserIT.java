package touchpoint.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;

/**
 * The widget on somebody else's site: a plain static page served from another origin, with hostile CSS,
 * embedding the widget with the one script tag and its options.
 */
@WidgetBrowserScenario
class WidgetCrossOriginBrowserIT extends BrowserTestSupport {

    @Inject
    @Client("/")
    HttpClient http;

    HttpServer shop;

    @BeforeEach
    void serveAnotherSite() throws IOException {
        shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shop.createContext("/", exchange -> {
            byte[] body = page().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        shop.start();
    }

    @AfterEach
    void stopSite() {
        shop.stop(0);
    }

    private String page() {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Partner shop</title>
                <style>
                  /* A careless host stylesheet: none of this may reach into the widget. */
                  * { font-family: "Courier New", monospace !important; }
                  button { background: rgb(255, 0, 0) !important; font-size: 40px !important; }
                  .launcher, .panel, .msg { display: none !important; }
                  p { color: rgb(0, 0, 255); }
                </style></head>
                <body><h1>Partner shop</h1><p>Not the service's origin.</p><button id="own">The page's own button</button>
                <script src="%s/widget.js" data-touchpoint="partner" data-locale="de-CH" data-colour="#ffcc00"
                        data-position="left" data-greeting="Hello from the partner shop! Ask me anything." async></script>
                </body></html>
                """.formatted(base());
    }

    @Test
    void should_work_on_a_page_from_another_origin_with_its_options_and_isolated_styles() {
        String shopUrl = "http://127.0.0.1:" + shop.getAddress().getPort() + "/";
        page.navigate(shopUrl);
        launcher(page).click();

        expect(messages(page, ".bot").first()).hasText("Assistant: Hello from the partner shop! Ask me anything.");
        ask(page, "How do I return a lamp?");
        expect(messages(page, ".answer")).containsText("30 days");

        // Options reached the service: the conversation started for this touchpoint and locale.
        String[] conversation = storedConversation(page);
        Map<String, Object> started = new CustomerClient(http.toBlocking()).messages(conversation[0], conversation[1], 0).list("messages").get(0);
        assertThat(started.get("data")).isEqualTo(Map.of("touchpoint", "partner", "locale", "de-CH"));

        // Left-hand placement, and the host's CSS neither leaks in nor gets overridden by ours.
        assertThat(launcher(page).boundingBox().x).isLessThan(100);
        String launcherBackground = (String) launcher(page).evaluate("e => getComputedStyle(e).backgroundColor");
        assertThat(launcherBackground).isNotEqualTo("rgb(255, 0, 0)");
        assertThat((String) launcher(page).evaluate("e => getComputedStyle(e).fontFamily")).doesNotContain("Courier");
        assertThat((String) page.locator("#own").evaluate("e => getComputedStyle(e).backgroundColor")).isEqualTo("rgb(255, 0, 0)");
        assertThat((String) page.locator("#own").evaluate("e => getComputedStyle(e).fontSize")).isEqualTo("40px");

        // A bright brand colour is darkened until white text on it passes WCAG AA.
        assertThat(contrastWithWhite(launcherBackground)).isGreaterThanOrEqualTo(4.5);
        assertThat(console).noneMatch(line -> line.contains("CORS") || line.startsWith("pageerror"));
    }

    private static double contrastWithWhite(String cssRgb) {
        List<Double> channels = java.util.Arrays.stream(cssRgb.replaceAll("[^0-9,]", "").split(","))
                .limit(3).map(v -> Double.parseDouble(v) / 255)
                .map(c -> c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)).toList();
        double luminance = 0.2126 * channels.get(0) + 0.7152 * channels.get(1) + 0.0722 * channels.get(2);
        return 1.05 / (luminance + 0.05);
    }
}
