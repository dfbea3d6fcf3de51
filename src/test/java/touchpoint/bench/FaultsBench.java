package touchpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import touchpoint.testing.EmbeddedInfra;
import touchpoint.testing.LiveSocket;

/**
 * The fault suite: two instances on one PostgreSQL and one Redis, customers sending over HTTP and listening on
 * a WebSocket on the other instance, while an instance is killed and started again on the same database and
 * Redis is restarted. Clients do what the widget does: retry a failed send with the same clientMessageId on
 * any live instance, reconnect a dropped socket and catch up by sequence number. Afterwards every acknowledged
 * message must be stored exactly once and in the order it was sent. Writes target/bench/faults.json.
 */
class FaultsBench {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    private final int customerCount = BenchReport.intSetting("bench.faultCustomers", 12);
    private final int seconds = BenchReport.intSetting("bench.faultSeconds", 24);

    private final AtomicReferenceArray<EmbeddedServer> instances = new AtomicReferenceArray<>(2);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final LongAdder sent = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final List<String> timeline = new ArrayList<>();
    private Map<String, Object> props;

    /** What one customer did and saw. */
    private static final class Customer {
        String id;
        String token;
        final List<String> acked = new ArrayList<>();
        final Set<Long> seenLive = ConcurrentHashMap.newKeySet();
        LiveSocket socket;
        long maxSeen;
    }

    @Test
    void keeps_every_acknowledged_message_exactly_once_and_in_order_through_instance_and_redis_restarts() throws Exception {
        props = new HashMap<>(EmbeddedInfra.postgresAndRedis(EmbeddedInfra.newDatabaseUrl()));
        props.put("touchpoint.test.scripted-knowledge", "true");
        props.put("micronaut.server.host", "127.0.0.1");
        props.put("touchpoint.ratelimit.per-ip-per-minute", 100_000_000);
        props.put("touchpoint.ratelimit.per-conversation-per-minute", 100_000);
        instances.set(0, start());
        instances.set(1, start());

        List<Customer> customers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(customerCount);
        // Faults start once every customer has a conversation, an open socket and a first acknowledged message.
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(customerCount);
        long[] deadline = new long[1];
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (int c = 0; c < customerCount; c++) {
            Customer customer = new Customer();
            customers.add(customer);
            int k = c;
            pool.submit(() -> run(customer, k, ready, go, deadline));
        }
        assertThat(ready.await(120, TimeUnit.SECONDS)).as("customers ready").isTrue();
        long t0 = System.nanoTime();
        deadline[0] = t0 + TimeUnit.SECONDS.toNanos(seconds);
        go.countDown();
        note("customers ready, faults begin");
        chaos(t0);
        pool.shutdown();
        assertThat(pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)).as("customers finished").isTrue();

        BenchReport report = verify(customers);
        report.write("faults.json");
        customers.forEach(c -> {
            if (c.socket != null) {
                c.socket.close();
            }
        });
        for (int i = 0; i < 2; i++) {
            EmbeddedServer s = instances.get(i);
            if (s != null) {
                s.close();
            }
        }
        assertThat((long) report.get("lost")).isZero();
        assertThat((long) report.get("duplicated")).isZero();
        assertThat((long) report.get("outOfOrder")).isZero();
        assertThat((long) report.get("missedAfterCatchUp")).isZero();
        assertThat((long) report.get("acknowledged")).isPositive();
    }

    private EmbeddedServer start() {
        return ApplicationContext.run(EmbeddedServer.class, props, "test");
    }

    /** Kill instance 0, start it again on the same database, restart Redis, then the same for instance 1. */
    private void chaos(long t0) throws Exception {
        int step = Math.max(2, seconds / 6);
        sleepUntil(t0, step);
        kill(0);
        sleepUntil(t0, 2 * step);
        restart(0);
        sleepUntil(t0, 3 * step);
        note("redis restarting");
        EmbeddedInfra.restartRedis();
        note("redis restarted");
        sleepUntil(t0, 4 * step);
        kill(1);
        sleepUntil(t0, 5 * step);
        restart(1);
    }

    /**
     * Stops an instance while clients still send to it, as a balancer that has not noticed yet would: requests
     * in flight and those that follow fail and are retried; only afterwards is it taken out of rotation.
     */
    private void kill(int i) {
        EmbeddedServer s = instances.get(i);
        note("instance " + i + " killed (port " + s.getPort() + ")");
        s.getApplicationContext().close();
        sleep(300);
        instances.set(i, null);
    }

    private void restart(int i) {
        EmbeddedServer s = start();
        instances.set(i, s);
        note("instance " + i + " started again (port " + s.getPort() + ")");
    }

    private void note(String what) {
        String line = String.format(Locale.ROOT, "[faults] %s; sent=%d acknowledged=%d retries=%d reconnects=%d",
                what, sent.sum(), acknowledged.sum(), retries.sum(), reconnects.sum());
        timeline.add(line);
        System.out.println(line);
    }

    private void run(Customer c, int k, java.util.concurrent.CountDownLatch ready, java.util.concurrent.CountDownLatch go, long[] deadline) {
        Random random = new Random(k);
        try {
            String started = until(() -> post(live(random), "/api/conversations", null, "{}", 201));
            c.id = group(ID, started);
            c.token = group(TOKEN, started);
            int i = 0;
            boolean first = true;
            while (first || System.nanoTime() < deadline[0]) {
                ensureSocket(c, random);
                String clientMessageId = "c" + k + "-m" + i;
                String body = "{\"clientMessageId\":\"" + clientMessageId + "\",\"text\":\"return policy " + i + "\"}";
                sent.increment();
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                boolean ok = false;
                while (!ok && System.nanoTime() < giveUp) {
                    try {
                        post(live(random), "/api/conversations/" + c.id + "/messages", c.token, body, 200);
                        ok = true;
                    } catch (Exception e) {
                        retries.increment();
                        Thread.sleep(50 + random.nextInt(150));
                    }
                }
                if (ok) {
                    acknowledged.increment();
                    c.acked.add(clientMessageId);
                }
                i++;
                if (first) {
                    first = false;
                    ready.countDown();
                    go.await();
                }
                Thread.sleep(20 + random.nextInt(60));
            }
        } catch (Exception e) {
            System.out.println("[faults] customer " + k + " stopped: " + e);
        }
    }

    /** (Re)opens the customer's socket on a live instance, asking for everything after the last seq it saw. */
    private void ensureSocket(Customer c, Random random) {
        if (c.socket != null && !c.socket.closed()) {
            drain(c);
            return;
        }
        if (c.socket != null) {
            drain(c);
            reconnects.increment();
        }
        try {
            EmbeddedServer s = liveServer(random);
            c.socket = LiveSocket.open(URI.create("ws://127.0.0.1:" + s.getPort() + "/ws/conversations/" + c.id
                    + "?token=" + c.token + "&after=" + c.maxSeen));
        } catch (RuntimeException e) {
            c.socket = null;
        }
    }

    private static void drain(Customer c) {
        for (String frame : c.socket.frames()) {
            Matcher m = SEQ.matcher(frame);
            if (m.find()) {
                long seq = Long.parseLong(m.group(1));
                c.seenLive.add(seq);
            }
        }
        // Catch up only over a contiguous prefix: a frame missed in a gap is asked for again after a reconnect.
        while (c.seenLive.contains(c.maxSeen + 1)) {
            c.maxSeen++;
        }
    }

    private BenchReport verify(List<Customer> customers) throws Exception {
        long stored = 0;
        long lost = 0;
        long duplicated = 0;
        long outOfOrder = 0;
        long seqGaps = 0;
        long missedLive = 0;
        long missedAfterCatchUp = 0;
        Random random = new Random(99);
        for (Customer c : customers) {
            if (c.id == null) {
                continue;
            }
            String all = get(liveServer(random), "/api/conversations/" + c.id + "/messages?after=0", c.token);
            TreeMap<Long, String[]> events = new TreeMap<>();
            for (Map<String, Object> e : messages(all)) {
                events.put(((Number) e.get("seq")).longValue(), new String[] {(String) e.get("type"), (String) e.get("clientMessageId")});
            }
            long expected = 1;
            for (long seq : events.keySet()) {
                if (seq != expected++) {
                    seqGaps++;
                }
            }
            Map<String, List<Long>> seqsById = new LinkedHashMap<>();
            events.forEach((seq, e) -> {
                if ("CUSTOMER_ASKED".equals(e[0]) && e[1] != null) {
                    seqsById.computeIfAbsent(e[1], x -> new ArrayList<>()).add(seq);
                }
            });
            stored += seqsById.size();
            for (List<Long> seqs : seqsById.values()) {
                duplicated += seqs.size() - 1;
            }
            long previous = 0;
            for (String id : c.acked) {
                List<Long> seqs = seqsById.get(id);
                if (seqs == null) {
                    lost++;
                } else {
                    if (seqs.get(0) < previous) {
                        outOfOrder++;
                    }
                    previous = seqs.get(0);
                }
            }
            // Live view: what the sockets delivered, then one catch-up from the last contiguous seq.
            if (c.socket != null) {
                drain(c);
            }
            for (long seq : events.keySet()) {
                if (!c.seenLive.contains(seq)) {
                    missedLive++;
                }
            }
            String catchUp = get(liveServer(random), "/api/conversations/" + c.id + "/messages?after=" + c.maxSeen, c.token);
            Matcher s = SEQ.matcher(catchUp);
            while (s.find()) {
                c.seenLive.add(Long.parseLong(s.group(1)));
            }
            for (long seq : events.keySet()) {
                if (!c.seenLive.contains(seq)) {
                    missedAfterCatchUp++;
                }
            }
        }
        return new BenchReport()
                .put("sent", sent.sum())
                .put("acknowledged", acknowledged.sum())
                .put("stored", stored)
                .put("lost", lost)
                .put("duplicated", duplicated)
                .put("outOfOrder", outOfOrder + seqGaps)
                .put("retries", retries.sum())
                .put("serverErrors", serverErrors.sum())
                .put("socketReconnects", reconnects.sum())
                .put("missedLiveBeforeCatchUp", missedLive)
                .put("missedAfterCatchUp", missedAfterCatchUp)
                .put("customers", customerCount)
                .put("seconds", seconds)
                .put("faults", "instance 0 killed and restarted, redis restarted, instance 1 killed and restarted")
                .put("date", java.time.Instant.now().toString());
    }

    private String live(Random random) {
        return "http://127.0.0.1:" + liveServer(random).getPort();
    }

    private EmbeddedServer liveServer(Random random) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int first = random.nextInt(2);
            for (int j = 0; j < 2; j++) {
                EmbeddedServer s = instances.get((first + j) % 2);
                if (s != null) {
                    return s;
                }
            }
            sleep(10);
        }
        throw new IllegalStateException("no live instance");
    }

    private String post(String base, String path, String token, String json, int expected) throws Exception {
        if (path == null) {
            return "";
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 500) {
            serverErrors.increment();
        }
        if (r.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private String get(EmbeddedServer server, String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode());
        }
        return r.body();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> messages(String json) throws java.io.IOException {
        Map<String, Object> body = io.micronaut.serde.ObjectMapper.getDefault()
                .readValue(json, io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
        return (List<Map<String, Object>>) body.get("messages");
    }

    private interface Attempt {
        String run() throws Exception;
    }

    private static String until(Attempt attempt) throws Exception {
        Exception last = null;
        for (int i = 0; i < 200; i++) {
            try {
                return attempt.run();
            } catch (Exception e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }

    private static String group(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + body);
        }
        return m.group(1);
    }

    private static void sleepUntil(long t0, int secondsAfter) throws InterruptedException {
        long wait = t0 + TimeUnit.SECONDS.toNanos(secondsAfter) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
