package touchpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;

/**
 * Start-up and memory of the packaged jar, run as the Dockerfile runs it (its JVM options and environment), as a
 * process of its own: the resident memory read from /proc is the process's, not a test JVM's. Writes
 * target/bench/footprint.json.
 *
 * <ol>
 *   <li>A first start on an empty data directory, until a question is answered: it seeds the FAQs and stores the
 *   phrasing vectors.</li>
 *   <li>A second start on that directory, timed from launching the process to the first answered question
 *   ({@code startToFirstAnswerMs}): what a restart or a rolling deploy costs.</li>
 *   <li>Customers without think time for {@code bench.footprintSeconds}, questions drawn like the load bench's, so
 *   both models of the cascade are used; then {@code VmRSS} ({@code rssMb}) and {@code VmHWM}
 *   ({@code peakRssMb}) from /proc/&lt;pid&gt;/status.</li>
 * </ol>
 */
class FootprintBench {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    private final int customers = BenchReport.intSetting("bench.footprintCustomers", 16);
    private final int seconds = BenchReport.intSetting("bench.footprintSeconds", 30);
    private final FaqPhrasings phrasings = FaqPhrasings.load(Path.of("faq-content"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void should_report_start_up_time_and_resident_memory_of_the_packaged_jar() throws Exception {
        Path jar = Path.of("target", "touchpoint.jar");
        assertThat(jar).as("the packaged jar (mvn package)").exists();
        Launch launch = Launch.fromDockerfile(Path.of("Dockerfile"));
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "bench")), "footprint-data-");
        log("jar %s; JVM options %s; environment %s; %s", jar, launch.jvmOptions(), launch.environment(), LoadBench.cpuModel());
        Path classArchive = Path.of("target", "bench", "touchpoint.jsa");
        launch = launch.withClassArchive(classArchive);
        if (launch.usesClassArchive()) {
            long trained = launch.trainClassArchive(jar, classArchive, freePort());
            log("class archive %s written by a start-and-exit run, as the image's build does: %d ms", classArchive, trained);
        }

        long firstStart;
        Instant firstLaunched = Instant.now();
        Running first = launch.start(jar, dataDir, freePort());
        try {
            firstStart = firstAnswer(first, firstLaunched);
            log("first start (empty data directory) to first answered question: %d ms", firstStart);
        } finally {
            stop(first);
        }

        Instant launched = Instant.now();
        Running second = launch.start(jar, dataDir, freePort());
        try {
            long restart = firstAnswer(second, launched);
            // CPU time is what other processes on a shared machine do not inflate: on an idle machine the wall time
            // is close to it divided by however many cores start-up keeps busy.
            long restartCpu = cpuMillis(second);
            log("start on a data directory holding the phrasing vectors to first answered question: %d ms, %d ms of CPU",
                    restart, restartCpu);
            long rssAfterStart = status(second, "VmRSS");
            long messages = drive(second);
            Thread.sleep(2000);
            long rss = status(second, "VmRSS");
            long peak = status(second, "VmHWM");
            BenchReport report = new BenchReport()
                    .put("startToFirstAnswerMs", restart)
                    .put("startToFirstAnswerCpuMs", restartCpu)
                    .put("firstStartToFirstAnswerMs", firstStart)
                    .put("rssMbAfterStart", rssAfterStart / 1024.0)
                    .put("rssMb", rss / 1024.0)
                    .put("peakRssMb", peak / 1024.0)
                    .put("messages", messages)
                    .put("customers", customers)
                    .put("seconds", seconds)
                    .put("jvmOptions", String.join(" ", launch.jvmOptions()))
                    .put("classArchive", launch.usesClassArchive())
                    .put("environment", launch.environment().toString())
                    .put("cpu", LoadBench.cpuModel())
                    .put("cores", Runtime.getRuntime().availableProcessors())
                    .put("loadAverage", LoadBench.loadAverage())
                    .put("date", Instant.now().toString());
            report.write("footprint.json");
            assertThat(messages).isPositive();
            if (Boolean.getBoolean("bench.enforce")) {
                assertThat(restart).as("start to first answer, ms").isLessThanOrEqualTo(3000);
                assertThat(rss / 1024.0).as("resident memory, MiB").isLessThanOrEqualTo(512);
            }
        } finally {
            stop(second);
            deleteTree(dataDir);
        }
    }

    /** The JVM options and environment of the Dockerfile's ENTRYPOINT and ENV lines, so the bench runs what ships. */
    record Launch(List<String> jvmOptions, Map<String, String> environment) {

        static Launch fromDockerfile(Path dockerfile) throws IOException {
            List<String> options = new ArrayList<>();
            Map<String, String> env = new LinkedHashMap<>();
            for (String line : Files.readAllLines(dockerfile)) {
                String l = line.strip();
                if (l.startsWith("ENTRYPOINT")) {
                    Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(l);
                    List<String> words = new ArrayList<>();
                    while (m.find()) {
                        words.add(m.group(1));
                    }
                    // ["java", options..., "-jar", "/app/touchpoint.jar"]
                    options = new ArrayList<>(words.subList(1, words.indexOf("-jar")));
                } else if (l.startsWith("ENV ")) {
                    for (String pair : l.substring(4).trim().split("\\s+")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0 && !pair.startsWith("TOUCHPOINT_DATA_DIR")) {
                            env.put(pair.substring(0, eq), pair.substring(eq + 1));
                        }
                    }
                }
            }
            return new Launch(List.copyOf(options), env);
        }

        private static final String SHARED_ARCHIVE = "-XX:SharedArchiveFile=";

        boolean usesClassArchive() {
            return jvmOptions.stream().anyMatch(o -> o.startsWith(SHARED_ARCHIVE));
        }

        /** These options with the Dockerfile's class archive (a path in the image) at {@code archive} instead. */
        Launch withClassArchive(Path archive) {
            return new Launch(jvmOptions.stream()
                    .map(o -> o.startsWith(SHARED_ARCHIVE) ? SHARED_ARCHIVE + archive.toAbsolutePath() : o).toList(),
                    environment);
        }

        /**
         * What the Dockerfile's build does: one start on a throw-away data directory with
         * {@code -XX:ArchiveClassesAtExit} and {@code touchpoint.exit-after-start}; returns its milliseconds.
         */
        long trainClassArchive(Path jar, Path archive, int port) throws Exception {
            Files.deleteIfExists(archive);
            Path scratch = Files.createTempDirectory(archive.toAbsolutePath().getParent(), "class-archive-data-");
            List<String> options = new ArrayList<>(jvmOptions.stream().filter(o -> !o.startsWith(SHARED_ARCHIVE)).toList());
            options.add("-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath());
            options.add("-Dtouchpoint.exit-after-start=true");
            long started = System.nanoTime();
            Process p = new Launch(options, environment).start(jar, scratch, port).process();
            try {
                assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("the class archive run exits by itself").isTrue();
            } finally {
                p.destroyForcibly();
                deleteTree(scratch);
            }
            assertThat(archive).as("class archive written").exists();
            return (System.nanoTime() - started) / 1_000_000;
        }

        Running start(Path jar, Path dataDir, int port) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.toAbsolutePath().toString());
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-" + port + ".log").toFile());
            pb.environment().putAll(environment);
            pb.environment().put("TOUCHPOINT_DATA_DIR", dataDir.toAbsolutePath().toString());
            pb.environment().put("PORT", String.valueOf(port));
            pb.environment().put("MICRONAUT_SERVER_HOST", "127.0.0.1");
            pb.environment().put("TOUCHPOINT_RATELIMIT_PER_IP_PER_MINUTE", "100000000");
            return new Running(pb.start(), port);
        }
    }

    /** A started service and the port it listens on. */
    record Running(Process process, int port) {
        String base() {
            return "http://127.0.0.1:" + port;
        }
    }

    /** Milliseconds from {@code since} until a question to the process is answered by the bot. */
    private long firstAnswer(Running running, Instant since) throws Exception {
        String base = running.base();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            assertThat(running.process().isAlive()).as("service process alive").isTrue();
            try {
                HttpResponse<String> started = post(base + "/api/conversations", null, "{}");
                if (started.statusCode() == 201) {
                    String reply = post(base + "/api/conversations/" + group(ID, started.body()) + "/messages",
                            group(TOKEN, started.body()), "{\"text\":\"how do I return an item?\"}").body();
                    if (reply.contains("\"kind\":\"answer\"") || reply.contains("\"kind\":\"clarify\"")) {
                        return Duration.between(since, Instant.now()).toMillis();
                    }
                }
            } catch (IOException notUpYet) {
                // connection refused until the server listens
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no answer within 300 s");
    }

    /** Customers without think time, 3–6 questions per conversation; returns the messages answered. */
    private long drive(Running running) throws Exception {
        String base = running.base();
        LongAdder messages = new LongAdder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(customers);
        for (int c = 0; c < customers; c++) {
            Random random = new Random(500 + c);
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        HttpResponse<String> started = post(base + "/api/conversations", null, "{}");
                        String id = group(ID, started.body());
                        String token = group(TOKEN, started.body());
                        for (int q = 0; q < 3 + random.nextInt(4) && System.nanoTime() < deadline; q++) {
                            if (post(base + "/api/conversations/" + id + "/messages", token,
                                    "{\"text\":" + CustomerClient.quote(phrasings.question(random)) + "}").statusCode() == 200) {
                                messages.increment();
                            }
                        }
                    } catch (Exception e) {
                        log("client error: %s", e);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        log("%d messages from %d customers in %d s", messages.sum(), customers, seconds);
        return messages.sum();
    }

    private int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private HttpResponse<String> post(String url, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A line of /proc/&lt;pid&gt;/status in kB. */
    private static long status(Running running, String field) throws IOException {
        long pid = running.process().pid();
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException(field + " not in /proc/" + pid + "/status");
    }

    /** User and system CPU time of the process so far, from /proc/&lt;pid&gt;/stat (clock ticks of 10 ms). */
    private static long cpuMillis(Running running) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(running.process().pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14 and 15 of stat (utime, stime) are 12 and 13 after the command name
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    private static void stop(Running running) throws InterruptedException {
        Process p = running.process();
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String group(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + body);
        }
        return m.group(1);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[footprint] " + format + "%n", args);
    }
}
