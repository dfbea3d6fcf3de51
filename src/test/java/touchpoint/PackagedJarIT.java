package touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service as the README and the Dockerfile run it: {@code java -jar target/touchpoint.jar}, its own process on a
 * free port with a data directory that does not exist yet. From the jar, pages and scripts are jar entries rather
 * than files, which once answered {@code /agent/} and {@code /admin/} with an empty text/plain body; every page, and
 * every script and stylesheet the pages load, must come with its content. The jar is built by the package phase,
 * which runs before failsafe's integration tests.
 */
class PackagedJarIT {

    private static final Path JAR = Paths.get("target", "touchpoint.jar");
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Pattern LOCAL_ASSET = Pattern.compile("(?:src|href)=\"(/[^\"#?]+\\.(?:js|css))\"");
    private static final Pattern MODULE_IMPORT = Pattern.compile("(?m)^\\s*import\\b[^'\"]*['\"](/[^'\"]+\\.js)['\"]");

    private static Path home;
    private static Path dataDir;
    private static Path log;
    private static Process app;
    private static String base;
    private static final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isRegularFile(JAR)) {
            fail(JAR + " is missing: the package phase builds it (./mvnw verify, or ./mvnw package -DskipTests first).");
        }
        home = Files.createTempDirectory("touchpoint-jar-");
        dataDir = home.resolve("data");
        log = home.resolve("service.log");
        int port = freePort();
        base = "http://127.0.0.1:" + port;

        ProcessBuilder builder = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString())
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // The embedded default, as a first start on a fresh machine: nothing from the caller's environment leaks in.
        env.keySet().removeIf(k -> k.startsWith("TOUCHPOINT_") || k.startsWith("DATASOURCES_") || k.startsWith("REDIS")
                || k.equals("PORT") || k.equals("MANAGEMENT_PORT") || k.startsWith("MICRONAUT_"));
        env.put("PORT", String.valueOf(port));
        env.put("TOUCHPOINT_DATA_DIR", dataDir.toString());
        env.put("TOUCHPOINT_FAQ_DIR", Paths.get("faq-content").toAbsolutePath().toString());
        env.put("TOUCHPOINT_ADMIN_PASSWORD", "jar-" + UUID.randomUUID());
        app = builder.start();
        awaitHealthy();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.descendants().forEach(ProcessHandle::destroy);
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.descendants().forEach(ProcessHandle::destroyForcibly);
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void should_start_without_a_data_directory_and_create_it() {
        assertThat(dataDir).isDirectory();
    }

    @Test
    void should_serve_every_page_and_everything_it_loads_with_its_content() throws Exception {
        List<String> pages = new ArrayList<>(List.of("/", "/demo", "/agent/", "/admin/"));
        try (Stream<Path> admin = Files.list(Paths.get("src", "main", "resources", "public", "admin"))) {
            admin.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().forEach(n -> pages.add("/admin/" + n));
        }
        Set<String> scripts = new LinkedHashSet<>(List.of("/widget.js"));
        Set<String> styles = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();

        for (String page : pages) {
            String html = fetch(page, "text/html", failures);
            Matcher assets = LOCAL_ASSET.matcher(html);
            while (assets.find()) {
                (assets.group(1).endsWith(".js") ? scripts : styles).add(assets.group(1));
            }
        }
        // Modules import further modules: follow them, so a path that only resolves from the file system shows.
        List<String> toRead = new ArrayList<>(scripts);
        for (int i = 0; i < toRead.size(); i++) {
            Matcher imports = MODULE_IMPORT.matcher(fetch(toRead.get(i), "javascript", failures));
            while (imports.find()) {
                if (scripts.add(imports.group(1))) {
                    toRead.add(imports.group(1));
                }
            }
        }
        for (String style : styles) {
            fetch(style, "text/css", failures);
        }
        // Browsers ask for it on every page; a 404 shows as an error in each page's console.
        fetch("/favicon.ico", "image/", failures);

        assertThat(scripts).as("scripts found on the pages").contains("/widget.js", "/assets/session.js", "/assets/agent/console.js");
        assertThat(failures).as("pages and assets served from the jar (log: %s)", log).isEmpty();
    }

    @Test
    void should_send_the_staff_directories_without_a_slash_to_their_pages() throws Exception {
        for (String directory : List.of("/agent", "/admin")) {
            HttpResponse<String> response = get(directory);

            assertThat(response.statusCode()).as(directory).isEqualTo(301);
            assertThat(response.headers().firstValue("Location")).as(directory).hasValue(directory + "/");
        }
    }

    /** The body of {@code path}, after noting in {@code failures} anything but a 200 of that type with a body. */
    private static String fetch(String path, String type, List<String> failures) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 200 || !contentType.contains(type) || response.body().isBlank()) {
            failures.add(path + ": " + response.statusCode() + " " + contentType + ", " + response.body().length() + " characters");
        }
        return response.body();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,*/*").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                fail("The jar exited with " + app.exitValue() + " before it was healthy:\n" + tail());
            }
            try {
                if (get("/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        fail("The jar was not healthy within " + STARTUP + ":\n" + tail());
    }

    private static String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
