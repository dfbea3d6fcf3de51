package touchpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import touchpoint.knowledge.retrieval.Embedder;
import touchpoint.knowledge.retrieval.EmbeddingChoice;

/**
 * The load bench: the service on its embedded default (H2 file, in-process bus, the knowledge engine) on
 * loopback, driven by {@code bench.customers} simulated customers for {@code bench.seconds}, each through
 * realistic conversations; and, in the same run, the raw throughput of the bundled embedding model, the
 * physical limit of a bot turn. Writes target/bench/load.json.
 *
 * <p>Latency is the round trip of {@code POST /api/conversations/{id}/messages} (the customer's message and the
 * bot's reply), measured by the client with {@link System#nanoTime()} around a blocking send, one thread per
 * customer, so every request is timed individually and queueing in the service counts.
 */
class LoadBench {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern OPTION_LABEL = Pattern.compile("\"label\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final int customers = BenchReport.intSetting("bench.customers", 50);
    private final int seconds = BenchReport.intSetting("bench.seconds", 60);
    /**
     * Mean think time between a customer's messages. Unset, it is paced so the customers together offer
     * {@code bench.targetLoad} (default 0.8) of what the encoder measured just before can embed: the question the
     * bench answers is whether the service delivers close to the encoder's physical limit without queueing
     * (p99), on whatever machine it runs. Customers with no think time would only measure the queue.
     */
    private int thinkMs = BenchReport.intSetting("bench.thinkMs", 0);
    private final double targetLoad = Double.parseDouble(System.getProperty("bench.targetLoad", "0.8"));
    private final int pacedCustomers = BenchReport.intSetting("bench.pacedCustomers", 50);
    private final int pacedSeconds = BenchReport.intSetting("bench.pacedSeconds", 60);
    private volatile int thinkMin;
    private volatile int thinkMax;
    private final int embedSeconds = BenchReport.intSetting("bench.embedSeconds", Math.max(5, Math.min(15, seconds / 4)));
    private final FaqPhrasings phrasings = FaqPhrasings.load(Path.of("faq-content"));

    private final LongAdder conversations = new LongAdder();
    private final LongAdder messages = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder clarifies = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();
    private final LongAdder notHelpful = new LongAdder();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    /** Latencies of the current progress window, and of the whole measured run. */
    private volatile ConcurrentLinkedQueue<Long> window = new ConcurrentLinkedQueue<>();
    private final List<long[]> perCustomer = new ArrayList<>();
    private volatile boolean measuring;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void should_report_the_message_rate_against_the_encoders_when_customers_talk_concurrently() throws Exception {
        // -Dbench.knowledge=scripted swaps in the fixed-answer test knowledge base: what is left is the cost of
        // the service itself (HTTP, JSON, transcript, database), which is how hot spots outside the encoder show.
        boolean scripted = "scripted".equals(System.getProperty("bench.knowledge"));
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "bench")), "load-data-");
        Map<String, Object> props = new HashMap<>(database());
        props.put("micronaut.server.host", "127.0.0.1");
        props.put("micronaut.server.port", -1);
        props.put("touchpoint.data-dir", dataDir.toAbsolutePath().toString());
        // Every simulated customer comes from 127.0.0.1: the per-address limit would measure the limiter.
        // The per-conversation limit stays at its default and is exercised on every message.
        props.put("touchpoint.ratelimit.per-ip-per-minute", 100_000_000);
        // The API channel's webhooks go to a receiver on 127.0.0.1.
        props.put("touchpoint.webhooks.allow-private-networks", "true");
        if (scripted) {
            props.put("touchpoint.test.scripted-knowledge", "true");
        }
        log("knowledge: %s; database: %s; %d customers, %d s, think time %s; %s; %d cores; load average %.2f",
                scripted ? "scripted (no retrieval cost)" : "the knowledge engine", databaseName(), customers, seconds,
                thinkMs < 0 ? "paced to " + targetLoad + " of the encoder" : thinkMs == 0 ? "none (saturation)" : thinkMs + " ms mean",
                cpuModel(), Runtime.getRuntime().availableProcessors(), loadAverage());

        Encoding encoder = encoder();
        double embeddingsPerSecond = encoder.perSecond();
        if (thinkMs < 0) {
            // Each customer sends one message per (think + reply) period; the reply time is small next to it.
            thinkMs = (int) Math.max(0, Math.round(customers / (targetLoad * embeddingsPerSecond) * 1000 - 5));
            log("think time paced to %d ms mean: %d customers offer about %.0f messages/s, %.0f%% of the encoder",
                    thinkMs, customers, customers * 1000.0 / (thinkMs + 5), targetLoad * 100);
        }

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props)) {
            String base = "http://127.0.0.1:" + server.getPort();
            warmUp(base);
            double loadBefore = loadAverage();
            Phase load = drive(base, customers, seconds, 0, 2 * thinkMs);
            Map<String, Double> serverSide = serverMetrics(base);
            double messagesPerSecond = load.messages / load.seconds;
            // CPU of the whole JVM (service and simulated customers) per message: what a turn costs the machine.
            double cpuMsPerMessage = load.cpuNanos / 1e6 / Math.max(1, load.messages);
            // The human-paced scenario: what one customer waits for a reply when the service is not saturated.
            Thread.sleep(2000);
            long pacedConversationsBefore = conversations.sum();
            Phase paced = drive(base, pacedCustomers, pacedSeconds, 2000, 8000);
            Thread.sleep(2000);
            ChannelComparison channels = compareChannels(server.getApplicationContext(), base);
            BenchReport report = new BenchReport()
                    .put("conversations", pacedConversationsBefore)
                    .put("messages", load.messages)
                    .put("p50Ms", percentile(load.latencies, 0.50))
                    .put("p99Ms", percentile(load.latencies, 0.99))
                    .put("maxMs", load.latencies.length == 0 ? 0.0 : load.latencies[load.latencies.length - 1] / 1e6)
                    .put("messagesPerSecond", messagesPerSecond)
                    .put("embeddingsPerSecond", embeddingsPerSecond)
                    .put("ratio", messagesPerSecond / embeddingsPerSecond)
                    .put("cpuMsPerMessage", cpuMsPerMessage)
                    .put("encoderCpuMsPerEmbedding", encoder.cpuMsEach())
                    // The same ratio from CPU time, which other processes on the machine do not change: what the
                    // service would reach at saturation if it had the cores to itself in both phases.
                    .put("cpuRatio", encoder.cpuMsEach() / cpuMsPerMessage)
                    .put("errors", errors.sum())
                    .put("clarifies", clarifies.sum())
                    .put("fallbacks", fallbacks.sum())
                    .put("notHelpful", notHelpful.sum())
                    .put("serverTurnP99Ms", serverSide.get("touchpoint_reply_latency_seconds{quantile=\"0.99\"}") * 1000)
                    .put("dbConnectionWaitMaxMs", serverSide.get("hikaricp_connections_acquire_seconds_max") * 1000)
                    .put("dbConnectionWaitMeanMs", serverSide.get("hikaricp_connections_acquire_seconds_sum") * 1000
                            / Math.max(1, serverSide.get("hikaricp_connections_acquire_seconds_count")))
                    .put("encoderP50Ms", encoder.p50Ms())
                    .put("encoderP99Ms", encoder.p99Ms())
                    .put("pacedMessages", paced.messages)
                    .put("pacedP50Ms", percentile(paced.latencies, 0.50))
                    .put("pacedP99Ms", percentile(paced.latencies, 0.99))
                    .put("widgetP50Ms", percentile(channels.widget(), 0.50))
                    .put("widgetP99Ms", percentile(channels.widget(), 0.99))
                    .put("apiChannelP50Ms", percentile(channels.api(), 0.50))
                    .put("apiChannelP99Ms", percentile(channels.api(), 0.99))
                    // An API thread's first message also starts its conversation, which the widget does in a call of its
                    // own, not timed here: the later messages are the like-for-like comparison.
                    .put("apiChannelFirstMessageP50Ms", percentile(channels.apiFirst(), 0.50))
                    .put("apiChannelLaterP50Ms", percentile(channels.apiLater(), 0.50))
                    .put("widgetLaterP50Ms", percentile(channels.widgetLater(), 0.50))
                    .put("channelComparedMessages", channels.widget().length + channels.api().length)
                    .put("channelWebhooksDelivered", channels.webhooks())
                    .put("pacedCustomers", pacedCustomers)
                    .put("pacedSeconds", pacedSeconds)
                    .put("customers", customers)
                    .put("seconds", seconds)
                    .put("thinkMsMean", thinkMs)
                    .put("targetLoad", targetLoad)
                    .put("knowledge", scripted ? "scripted" : "engine")
                    .put("database", databaseName())
                    .put("cpu", cpuModel())
                    .put("cores", Runtime.getRuntime().availableProcessors())
                    .put("loadAverageBefore", loadBefore)
                    .put("loadAverageAfter", loadAverage())
                    .put("date", Instant.now().toString());
            report.write(reportName());
            errorSamples.stream().limit(5).forEach(e -> log("error sample: %s", e));
            server.close();
            deleteTree(dataDir);
            assertThat(errors.sum()).as("failed requests").isZero();
            if (Boolean.getBoolean("bench.enforce")) {
                assertThat(messagesPerSecond / embeddingsPerSecond).as("ratio").isGreaterThanOrEqualTo(0.85);
                assertThat(percentile(paced.latencies, 0.99)).as("paced p99 ms").isLessThanOrEqualTo(2 * encoder.p99Ms());
            }
        }
    }

    /** Reply latencies of the same questions asked through the widget's API and through an API channel. */
    private record ChannelComparison(long[] widget, long[] api, int webhooks, long[] apiFirst, long[] apiLater, long[] widgetLater) {
    }

    /**
     * {@code bench.channelCustomers} customers (10) for {@code bench.channelSeconds} (20 s), human-paced: each question
     * is asked once through {@code POST /api/conversations/{id}/messages} and once through
     * {@code POST /api/channels/{id}/messages} (in alternating order, so neither always goes first), each path in its
     * own conversation; the API channel's outbox meanwhile delivers its webhooks to a local receiver. Both sets of
     * latencies come from the same minutes of the same run, so the machine's state weighs on both alike.
     */
    private ChannelComparison compareChannels(ApplicationContext context, String base) throws Exception {
        int count = BenchReport.intSetting("bench.channelCustomers", 10);
        int secs = BenchReport.intSetting("bench.channelSeconds", 20);
        try (touchpoint.channel.WebhookReceiver receiver = new touchpoint.channel.WebhookReceiver()) {
            touchpoint.channel.ChannelDirectory.Configured created = context.getBean(touchpoint.channel.ChannelDirectory.class)
                    .create("api", "Load bench", true, Map.of("webhookUrl", io.micronaut.json.tree.JsonNode.createStringNode(receiver.url())));
            String channelId = created.channel().id();
            String apiKey = created.shownOnce().get("apiKey");
            ConcurrentLinkedQueue<Long> widget = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> api = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> apiFirst = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> apiLater = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> widgetLater = new ConcurrentLinkedQueue<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(secs);
            ExecutorService pool = Executors.newFixedThreadPool(count);
            for (int c = 0; c < count; c++) {
                int customer = c;
                Random random = new Random(7000L + c);
                pool.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() < deadline) {
                        try {
                            HttpResponse<String> started = post(base + "/api/conversations", null, "{\"touchpoint\":\"bench\"}");
                            String id = group(ID, started.body());
                            String token = group(TOKEN, started.body());
                            String thread = "load-" + customer + "-" + n;
                            for (int q = 0; q < 4 && System.nanoTime() < deadline; q++, n++) {
                                Thread.sleep(500 + random.nextInt(1000));
                                String question = touchpoint.testing.CustomerClient.quote(phrasings.question(random));
                                String widgetBody = "{\"clientMessageId\":\"c" + n + "\",\"text\":" + question + "}";
                                String apiBody = "{\"externalConversationId\":\"" + thread + "\",\"clientMessageId\":\"c" + n
                                        + "\",\"text\":" + question + "}";
                                for (int path = 0; path < 2; path++) {
                                    boolean viaApi = (path + n) % 2 == 0;
                                    long t0 = System.nanoTime();
                                    HttpResponse<String> r = viaApi
                                            ? post(base + "/api/channels/" + channelId + "/messages", apiKey, apiBody)
                                            : post(base + "/api/conversations/" + id + "/messages", token, widgetBody);
                                    long nanos = System.nanoTime() - t0;
                                    if (r.statusCode() != 200) {
                                        error((viaApi ? "api channel " : "widget ") + r.statusCode() + " " + r.body());
                                    } else {
                                        (viaApi ? api : widget).add(nanos);
                                        if (viaApi) {
                                            (q == 0 ? apiFirst : apiLater).add(nanos);
                                        } else if (q > 0) {
                                            widgetLater.add(nanos);
                                        }
                                    }
                                }
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (Exception e) {
                            error(e.toString());
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(secs + 60L, TimeUnit.SECONDS);
            long[] w = widget.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] a = api.stream().mapToLong(Long::longValue).sorted().toArray();
            log("same questions, %d customers, %d s: widget %d messages p50 %.1f ms p99 %.1f ms; API channel %d messages p50 %.1f ms p99 %.1f ms",
                    count, secs, w.length, percentile(w, 0.5), percentile(w, 0.99), a.length, percentile(a, 0.5), percentile(a, 0.99));
            log("after a thread's first message: widget p50 %.1f ms, API channel p50 %.1f ms; API first messages (conversation start) p50 %.1f ms",
                    percentile(sorted(widgetLater), 0.5), percentile(sorted(apiLater), 0.5), percentile(sorted(apiFirst), 0.5));
            return new ChannelComparison(w, a, receiver.accepted().size(), sorted(apiFirst), sorted(apiLater), sorted(widgetLater));
        }
    }

    private static long[] sorted(ConcurrentLinkedQueue<Long> latencies) {
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Extra properties for the database; the embedded default (an H2 file under the data directory) needs none. */
    Map<String, Object> database() {
        return Map.of();
    }

    String databaseName() {
        return "H2 (embedded default)";
    }

    String reportName() {
        return "load.json";
    }

    /** What one measured stretch of traffic produced. */
    private record Phase(long messages, double seconds, long cpuNanos, long[] latencies) {
    }

    /**
     * {@code count} customers for {@code secs}, each waiting uniformly between {@code minThink} and {@code maxThink}
     * ms before each message, with a progress line every 5 s.
     */
    private Phase drive(String base, int count, int secs, int minThink, int maxThink) throws InterruptedException {
        thinkMin = minThink;
        thinkMax = maxThink;
        messages.reset();
        perCustomer.clear();
        long cpuBefore = processCpuNanos();
        Instant start = Instant.now();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(secs);
        measuring = true;
        ExecutorService pool = Executors.newFixedThreadPool(count);
        for (int c = 0; c < count; c++) {
            long[] own = new long[1 << 16];
            perCustomer.add(own);
            Random random = new Random(1000L * secs + c);
            pool.submit(() -> customer(base, random, deadline, own));
        }
        pool.shutdown();
        long last = System.nanoTime();
        long lastMessages = 0;
        while (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
            long now = System.nanoTime();
            long m = messages.sum();
            ConcurrentLinkedQueue<Long> w = window;
            window = new ConcurrentLinkedQueue<>();
            long[] lat = w.stream().mapToLong(Long::longValue).sorted().toArray();
            log("t=%3ds conversations=%d messages=%d (%.1f/s) window p50=%.1fms p99=%.1fms errors=%d",
                    Duration.between(start, Instant.now()).toSeconds(), conversations.sum(), m,
                    (m - lastMessages) / ((now - last) / 1e9), percentile(lat, 0.50), percentile(lat, 0.99), errors.sum());
            last = now;
            lastMessages = m;
        }
        measuring = false;
        double elapsed = Duration.between(start, Instant.now()).toNanos() / 1e9;
        long[] all = perCustomer.stream().flatMapToLong(a -> Arrays.stream(a).filter(x -> x > 0)).sorted().toArray();
        Phase phase = new Phase(messages.sum(), elapsed, processCpuNanos() - cpuBefore, all);
        log("%d customers, think %d–%d ms: %d messages in %.1f s (%.1f/s), p50 %.1f ms, p99 %.1f ms, CPU %.2f ms per message",
                count, minThink, maxThink, phase.messages, elapsed, phase.messages / elapsed, percentile(all, 0.5),
                percentile(all, 0.99), phase.cpuNanos / 1e6 / Math.max(1, phase.messages));
        return phase;
    }

    /** One simulated customer: conversations of 3–6 questions, with think time, until the deadline. */
    private void customer(String base, Random random, long deadline, long[] latencies) {
        int n = 0;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> started = post(base + "/api/conversations", null, "{\"touchpoint\":\"bench\"}");
                if (started.statusCode() != 201) {
                    error("start " + started.statusCode() + " " + started.body());
                    think(random);
                    continue;
                }
                conversations.increment();
                String id = group(ID, started.body());
                String token = group(TOKEN, started.body());
                int questions = 3 + random.nextInt(4);
                int sent = 0;
                for (int q = 0; q < questions && System.nanoTime() < deadline; q++) {
                    think(random);
                    String reply = say(base, id, token, "q" + (sent++), phrasings.question(random), latencies, n++);
                    if (reply == null || System.nanoTime() >= deadline) {
                        continue;
                    }
                    if (reply.contains("\"kind\":\"clarify\"")) {
                        clarifies.increment();
                        List<String> labels = labels(reply);
                        if (!labels.isEmpty() && random.nextInt(10) < 8) {
                            think(random);
                            say(base, id, token, "q" + (sent++), labels.get(random.nextInt(Math.min(2, labels.size()))), latencies, n++);
                        }
                    } else if (reply.contains("\"kind\":\"fallback\"")) {
                        fallbacks.increment();
                    } else if (reply.contains("\"kind\":\"answer\"") && random.nextInt(100) < 12) {
                        notHelpful.increment();
                        think(random);
                        say(base, id, token, "q" + (sent++), random.nextBoolean() ? "that didn't help" : "That's not what I asked", latencies, n++);
                    }
                }
            } catch (Exception e) {
                error(e.toString());
            }
        }
    }

    /** Sends one message and returns the reply body, or null after counting an error. */
    private String say(String base, String id, String token, String clientMessageId, String text, long[] latencies, int n) throws Exception {
        String body = "{\"clientMessageId\":\"" + clientMessageId + "\",\"text\":" + touchpoint.testing.CustomerClient.quote(text) + "}";
        long t0 = System.nanoTime();
        HttpResponse<String> r = post(base + "/api/conversations/" + id + "/messages", token, body);
        long nanos = System.nanoTime() - t0;
        if (r.statusCode() != 200) {
            error("message " + r.statusCode() + " " + r.body());
            return null;
        }
        if (measuring) {
            messages.increment();
            window.add(nanos);
            if (n < latencies.length) {
                latencies[n] = nanos;
            }
        }
        return r.body();
    }

    private HttpResponse<String> post(String url, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Think time: uniform between the phase's bounds, so customers do not march in step. */
    private void think(Random random) throws InterruptedException {
        if (thinkMax > 0) {
            Thread.sleep(thinkMin + random.nextInt(thinkMax - thinkMin + 1));
        }
    }

    /** Loads the index and warms the JIT before anything is measured. */
    private void warmUp(String base) throws Exception {
        long t0 = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(3, Math.min(10, seconds / 6)));
        Random random = new Random(7);
        long[] ignored = new long[1 << 12];
        customer(base, random, System.nanoTime() + 1, ignored);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(customers, 8));
        for (int c = 0; c < Math.min(customers, 8); c++) {
            Random r = new Random(c);
            pool.submit(() -> customer(base, r, deadline, new long[1 << 12]));
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        conversations.reset();
        errors.reset();
        clarifies.reset();
        fallbacks.reset();
        notHelpful.reset();
        errorSamples.clear();
        log("warmed up in %.1f s", (System.nanoTime() - t0) / 1e9);
    }

    /** The encoder alone: its rate at saturation, its CPU per embedding and one question's latency when idle. */
    private record Encoding(double perSecond, double cpuMsEach, double p50Ms, double p99Ms) {
    }

    /**
     * The encoder alone: the bundled BGE model opened exactly as the service opens it (a thread per core, no
     * spin-waiting: about 1.6 times the throughput of the model's default session on two cores), embedding the
     * same mix of questions, one caller thread per core, as fast as it goes. Texts are fresh perturbations and
     * questions are never cached, so no cache helps. Then one question at a time from a single caller, as a
     * lone customer's question is embedded on an otherwise idle service: the latency the paced scenario is held to.
     */
    private Encoding encoder() throws Exception {
        Embedder model = new Embedder(EmbeddingChoice.BGE);
        Random warm = new Random(3);
        for (int i = 0; i < 50; i++) {
            model.embed(phrasings.question(warm));
        }
        int threads = Runtime.getRuntime().availableProcessors();
        AtomicLong count = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(embedSeconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(100 + t);
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    model.embed(phrasings.question(random));
                    count.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(embedSeconds + 30L, TimeUnit.SECONDS);
        double perSecond = count.get() / ((System.nanoTime() - t0) / 1e9);
        double cpuMsEach = (processCpuNanos() - cpu0) / 1e6 / Math.max(1, count.get());
        Random alone = new Random(5);
        long[] single = new long[BenchReport.intSetting("bench.encoderSamples", 300)];
        for (int i = 0; i < single.length; i++) {
            String q = phrasings.question(alone);
            long s0 = System.nanoTime();
            model.embed(q);
            single[i] = System.nanoTime() - s0;
        }
        Arrays.sort(single);
        Encoding e = new Encoding(perSecond, cpuMsEach, percentile(single, 0.5), percentile(single, 0.99));
        log("encoder: %d embeddings in %d s on %d threads = %.1f/s, %.2f ms CPU each; one at a time p50 %.2f ms, p99 %.2f ms",
                count.get(), embedSeconds, threads, perSecond, cpuMsEach, e.p50Ms(), e.p99Ms());
        return e;
    }

    /** The CPU's model name and whether it has AVX-512 VNNI (int8 dot products), which the encoder's speed depends on. */
    static String cpuModel() {
        try {
            String info = Files.readString(Path.of("/proc/cpuinfo"));
            Matcher m = Pattern.compile("model name\\s*:\\s*(.+)").matcher(info);
            String name = m.find() ? m.group(1).trim() : System.getProperty("os.arch");
            return name + (info.contains("avx512_vnni") ? ", AVX-512 VNNI" : ", no AVX-512 VNNI");
        } catch (java.io.IOException e) {
            return System.getProperty("os.arch");
        }
    }

    /**
     * A few of the service's own figures from /prometheus: its view of the turn latency (without HTTP and the
     * client), and how long requests waited for a database connection — the bot's turn runs inside the
     * transcript transaction, so a pooled connection is held while the question is embedded.
     */
    private Map<String, Double> serverMetrics(String base) throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create(base + "/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> values = new HashMap<>();
        for (String name : List.of("touchpoint_reply_latency_seconds{quantile=\"0.99\"}", "hikaricp_connections_acquire_seconds_max",
                "hikaricp_connections_acquire_seconds_sum", "hikaricp_connections_acquire_seconds_count")) {
            values.put(name, 0.0);
            String metric = name.contains("{") ? name.substring(0, name.indexOf('{')) : name;
            String label = name.contains("{") ? name.substring(name.indexOf('{') + 1, name.length() - 1) : null;
            for (String line : text.split("\n")) {
                if (line.startsWith(metric) && !line.startsWith("#") && (label == null || line.contains(label))
                        && (line.charAt(metric.length()) == ' ' || line.charAt(metric.length()) == '{')) {
                    values.merge(name, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), name.endsWith("_max") ? Math::max : Double::sum);
                    if (label != null) {
                        values.put(name, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                    }
                }
            }
        }
        return values;
    }

    private static List<String> labels(String reply) {
        List<String> labels = new ArrayList<>();
        Matcher m = OPTION_LABEL.matcher(reply);
        while (m.find()) {
            String label = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
            if (!label.equals("None of these") && !label.equals("Talk to a person")) {
                labels.add(label);
            }
        }
        return labels;
    }

    private void error(String what) {
        errors.increment();
        if (errorSamples.size() < 20) {
            errorSamples.add(what.length() > 300 ? what.substring(0, 300) : what);
        }
    }

    private static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
    }

    private static String group(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + body);
        }
        return m.group(1);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[load] " + format + "%n", args);
    }
}
