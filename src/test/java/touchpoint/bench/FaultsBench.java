package touchpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import touchpoint.testing.EmbeddedInfra;
import touchpoint.testing.LiveSocket;

/**
 * The fault suite: two instances on one PostgreSQL and one Redis, customers and agents exchanging messages over
 * HTTP and listening on WebSockets, while an instance is killed and started again on the same database and
 * Redis is restarted. Every other customer asks for a person before the faults begin and an agent of their own
 * claims the conversation and then replies through either instance. Clients do what the widget and the agent
 * console do: retry a failed send on any live instance (customers with the same clientMessageId; agents with
 * the same text, as the agent reply API has no idempotency key), reconnect a dropped socket and catch up by
 * sequence number. Afterwards every acknowledged message must be stored exactly once and in the order it was
 * sent. Writes target/bench/faults.json.
 */
class FaultsBench {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final String ADMIN_PASSWORD = "faults-bench-admin-password";

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
    /** Sockets given up because the server went silent (no heartbeat) while they still looked open. */
    private final LongAdder silentSockets = new LongAdder();
    // Heartbeats are frequent here so a socket that silently died is noticed within the run, as the widget and the
    // console notice it after three missed heartbeats.
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final Duration SILENT_AFTER = HEARTBEAT.multipliedBy(3);
    private final LongAdder agentSent = new LongAdder();
    private final LongAdder agentAcknowledged = new LongAdder();
    private final LongAdder agentRetries = new LongAdder();
    private final LongAdder agentUncertainRetries = new LongAdder();
    private final LongAdder agentReconnects = new LongAdder();
    private final LongAdder agentWatchResends = new LongAdder();
    private final LongAdder agentWatchesUnanswered = new LongAdder();
    private final java.util.Queue<String> agentFailureSamples = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final List<String> timeline = new ArrayList<>();
    private final List<Double> startSeconds = new ArrayList<>();
    private double elapsedSeconds;
    private double loadAverageBefore;
    private Map<String, Object> props;

    /** What one customer did and saw. */
    private static final class Customer {
        String id;
        String token;
        /** Asks for a person with its first message; its agent claims the conversation before the faults. */
        boolean handedOff;
        /** Counted down once the request for a person is acknowledged. */
        final CountDownLatch requested = new CountDownLatch(1);
        final List<String> acked = new ArrayList<>();
        final Set<Long> seenLive = ConcurrentHashMap.newKeySet();
        LiveSocket socket;
        long maxSeen;
    }

    /** What one agent did and saw: one conversation, claimed from the queue, replied to until the end. */
    private static final class Agent {
        final int k;
        final Customer customer;
        String username;
        String token;
        final List<String> acked = new ArrayList<>();
        final Set<Long> seenLive = ConcurrentHashMap.newKeySet();
        LiveSocket socket;
        long maxSeen;
        /** After (re)connecting: the seq the watch command must bring back on this socket, 0 once it has. */
        long expectEcho;
        long watchSentAt;
        int framesRead;
        /** Sockets opened so far (1 = the first, opened before the faults). */
        int sockets;
        /** Per seq asked back on the current socket: watch commands sent, and frames of that seq received. */
        final Map<Long, Integer> watchesSent = new HashMap<>();
        final Map<Long, Integer> framesPerSeq = new HashMap<>();

        Agent(int k, Customer customer) {
            this.k = k;
            this.customer = customer;
        }
    }

    @Test
    void should_keep_every_acknowledged_message_exactly_once_and_in_order_through_instance_and_redis_restarts() throws Exception {
        props = new HashMap<>(EmbeddedInfra.postgresAndRedis(EmbeddedInfra.newDatabaseUrl()));
        props.put("touchpoint.test.scripted-knowledge", "true");
        props.put("micronaut.server.host", "127.0.0.1");
        props.put("touchpoint.ratelimit.per-ip-per-minute", 100_000_000);
        props.put("touchpoint.ratelimit.per-conversation-per-minute", 100_000);
        props.put("touchpoint.admin-password", ADMIN_PASSWORD);
        // Agents claim from the queue, so each conversation goes to the agent that follows it.
        props.put("touchpoint.handoff.auto-assign", "false");
        props.put("touchpoint.live.heartbeat", HEARTBEAT.toMillis() + "ms");
        instances.set(0, start());
        instances.set(1, start());

        List<Customer> customers = new ArrayList<>();
        List<Agent> agents = new ArrayList<>();
        for (int c = 0; c < customerCount; c++) {
            Customer customer = new Customer();
            customer.handedOff = c % 2 == 0;
            customers.add(customer);
            if (customer.handedOff) {
                agents.add(new Agent(c, customer));
            }
        }
        signIn(agents);
        ExecutorService pool = Executors.newFixedThreadPool(customerCount + agents.size());
        // Faults start once every customer has a conversation, an open socket and a first acknowledged message,
        // and every agent has claimed its conversation and had a first reply acknowledged.
        CountDownLatch ready = new CountDownLatch(customerCount + agents.size());
        // Clients run until the last fault is a step behind them (set by chaos), however long restarts take.
        AtomicLong deadline = new AtomicLong(Long.MAX_VALUE);
        CountDownLatch go = new CountDownLatch(1);
        for (int c = 0; c < customerCount; c++) {
            Customer customer = customers.get(c);
            int k = c;
            pool.submit(() -> run(customer, k, ready, go, deadline));
        }
        for (Agent agent : agents) {
            pool.submit(() -> runAgent(agent, ready, go, deadline));
        }
        assertThat(ready.await(120, TimeUnit.SECONDS)).as("customers and agents ready").isTrue();
        long t0 = System.nanoTime();
        loadAverageBefore = loadAverage();
        go.countDown();
        note("customers ready, faults begin");
        chaos(deadline);
        pool.shutdown();
        assertThat(pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)).as("customers and agents finished").isTrue();

        elapsedSeconds = (System.nanoTime() - t0) / 1e9;
        BenchReport report = verify(customers, agents);
        report.write("faults.json");
        agentFailureSamples.stream().limit(5).forEach(f -> System.out.println("[faults] agent send failure sample: " + f));
        customers.forEach(c -> {
            if (c.socket != null) {
                c.socket.close();
            }
        });
        agents.forEach(a -> {
            if (a.socket != null) {
                a.socket.close();
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
        assertThat((long) report.get("agentMissedAfterCatchUp")).isZero();
        assertThat((long) report.get("agentAcknowledged")).isPositive();
        assertThat((long) report.get("conversationsWithAgent")).isEqualTo(agents.size());
    }

    /** The admin creates one agent per handed-off conversation (team support, where requests are routed). */
    private void signIn(List<Agent> agents) throws Exception {
        Random random = new Random(7);
        String admin = group(ACCESS_TOKEN, until(() -> post(live(random), "/login", null,
                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}", 200)));
        for (Agent a : agents) {
            a.username = "bench-agent-" + a.k;
            String password = a.username + "-password";
            until(() -> post(live(random), "/api/admin/users", admin, "{\"username\":\"" + a.username
                    + "\",\"password\":\"" + password + "\",\"displayName\":\"Agent " + a.k
                    + "\",\"roles\":[\"AGENT\"],\"teams\":[\"support\"]}", 201));
            a.token = group(ACCESS_TOKEN, until(() -> post(live(random), "/login", null,
                    "{\"username\":\"" + a.username + "\",\"password\":\"" + password + "\"}", 200)));
            until(() -> put(live(random), "/api/agent/presence", a.token, "{\"status\":\"online\"}"));
        }
    }

    private EmbeddedServer start() {
        return ApplicationContext.run(EmbeddedServer.class, props, "test");
    }

    /**
     * Kill instance 0, start it again on the same database, restart Redis, then the same for instance 1, with a
     * step of traffic (bench.faultSeconds / 6) before, between and after the faults. Steps are counted from the
     * end of the previous fault: starting an instance builds the knowledge index and takes seconds of its own,
     * and with a fixed schedule the later faults fell after the clients had stopped.
     */
    private void chaos(AtomicLong deadline) throws Exception {
        long step = TimeUnit.SECONDS.toMillis(Math.max(2, seconds / 6));
        Thread.sleep(step);
        kill(0);
        Thread.sleep(step);
        restart(0);
        Thread.sleep(step);
        note("redis restarting");
        EmbeddedInfra.restartRedis();
        note("redis restarted");
        Thread.sleep(step);
        kill(1);
        Thread.sleep(step);
        restart(1);
        deadline.set(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(step));
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
        long begin = System.nanoTime();
        EmbeddedServer s = start();
        instances.set(i, s);
        double took = (System.nanoTime() - begin) / 1e9;
        startSeconds.add(Math.round(took * 10) / 10.0);
        note(String.format(Locale.ROOT, "instance %d started again in %.1f s (port %d)", i, took, s.getPort()));
    }

    private void note(String what) {
        String line = String.format(Locale.ROOT, "[faults] %s; sent=%d acknowledged=%d retries=%d reconnects=%d"
                        + " agentSent=%d agentAcknowledged=%d agentRetries=%d (uncertain %d) agentReconnects=%d",
                what, sent.sum(), acknowledged.sum(), retries.sum(), reconnects.sum(), agentSent.sum(),
                agentAcknowledged.sum(), agentRetries.sum(), agentUncertainRetries.sum(), agentReconnects.sum());
        timeline.add(line);
        System.out.println(line);
    }

    private void run(Customer c, int k, CountDownLatch ready, CountDownLatch go, AtomicLong deadline) {
        Random random = new Random(k);
        try {
            String started = until(() -> post(live(random), "/api/conversations", null, "{}", 201));
            c.id = group(ID, started);
            c.token = group(TOKEN, started);
            int i = 0;
            boolean first = true;
            while (first || System.nanoTime() < deadline.get()) {
                ensureSocket(c, random);
                String clientMessageId = "c" + k + "-m" + i;
                String text = first && c.handedOff ? "talk to a person" : "return policy " + i;
                String body = "{\"clientMessageId\":\"" + clientMessageId + "\",\"text\":\"" + text + "\"}";
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
                    if (c.handedOff && ok) {
                        c.requested.countDown();
                    }
                    ready.countDown();
                    go.await();
                }
                Thread.sleep(20 + random.nextInt(60));
            }
        } catch (Exception e) {
            System.out.println("[faults] customer " + k + " stopped: " + e);
        }
    }

    /**
     * An agent: claims its customer's conversation from the queue, follows it on the agent socket and replies
     * every 20-80 ms through either instance. A failed reply is sent again on any live instance, as an agent
     * presses send again in the console; the reply API has no idempotency key, so the retry carries the same
     * text only. A failure after which the first attempt may have been stored (timeout, dropped connection,
     * 5xx other than 503) is counted as an uncertain retry: those are the ones that can store a reply twice.
     */
    private void runAgent(Agent a, CountDownLatch ready, CountDownLatch go, AtomicLong deadline) {
        Random random = new Random(1000 + a.k);
        try {
            if (!a.customer.requested.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("customer " + a.k + " never asked for a person");
            }
            String conversationId = a.customer.id;
            until(() -> claim(a, random));
            int i = 0;
            boolean first = true;
            while (first || System.nanoTime() < deadline.get()) {
                ensureAgentSocket(a, random);
                String text = "agent " + a.k + " reply " + i;
                agentSent.increment();
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                boolean ok = false;
                while (!ok && System.nanoTime() < giveUp) {
                    Outcome outcome = reply(random, conversationId, a.token, text, "a" + a.k + "-" + i);
                    if (outcome == Outcome.STORED) {
                        ok = true;
                    } else {
                        agentRetries.increment();
                        if (outcome == Outcome.UNCERTAIN) {
                            agentUncertainRetries.increment();
                        }
                        Thread.sleep(50 + random.nextInt(150));
                    }
                }
                if (ok) {
                    agentAcknowledged.increment();
                    a.acked.add(text);
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
            System.out.println("[faults] agent " + a.k + " stopped: " + e);
        }
    }

    /** 200, or 409 when an earlier attempt of ours won (its answer lost): the conversation is then among ours. */
    private String claim(Agent a, Random random) throws Exception {
        String base = live(random);
        HttpResponse<String> r = send(base, "POST", "/api/agent/conversations/" + a.customer.id + "/claim", a.token, "");
        if (r.statusCode() == 200) {
            return r.body();
        }
        if (r.statusCode() == 409) {
            HttpResponse<String> queue = send(base, "GET", "/api/agent/queue", a.token, null);
            int mine = queue.body().indexOf("\"mine\"");
            if (queue.statusCode() == 200 && mine >= 0 && queue.body().indexOf(a.customer.id, mine) > 0) {
                return queue.body();
            }
        }
        throw new IllegalStateException("claim answered " + r.statusCode() + " " + r.body());
    }

    private enum Outcome { STORED, NOT_STORED, UNCERTAIN }

    private Outcome reply(Random random, String conversationId, String token, String text, String clientMessageId) {
        String base;
        try {
            base = live(random);
        } catch (RuntimeException e) {
            // Picked an instance that has just been stopped (its port is gone): nothing was sent.
            return Outcome.NOT_STORED;
        }
        try {
            HttpResponse<String> r = send(base, "POST", "/api/agent/conversations/" + conversationId + "/messages", token,
                    "{\"text\":\"" + text + "\",\"clientMessageId\":\"" + clientMessageId + "\"}");
            int status = r.statusCode();
            if (status == 200) {
                return Outcome.STORED;
            }
            agentFailureSamples.add(status + " " + r.body());
            if (status >= 500) {
                serverErrors.increment();
            }
            // 503 (and 429) answer before the handler runs; a 500 may come after the reply was committed.
            return status >= 500 && status != 503 ? Outcome.UNCERTAIN : Outcome.NOT_STORED;
        } catch (ConnectException | HttpConnectTimeoutException e) {
            return Outcome.NOT_STORED;
        } catch (IOException e) {
            // Timed out or the connection dropped after the request was written: it may have been stored.
            agentFailureSamples.add(e.toString());
            return Outcome.UNCERTAIN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.NOT_STORED;
        }
    }

    /**
     * (Re)opens the agent's socket on a live instance and asks it to watch the conversation from the seq before
     * the last contiguous one seen; that seq must come back on the new socket, which shows the watch was taken
     * (a command the server ignored is sent again after a second and counted).
     */
    private void ensureAgentSocket(Agent a, Random random) {
        dropIfSilent(a.socket);
        if (a.socket != null && !a.socket.closed()) {
            drain(a);
            if (a.expectEcho > 0 && System.nanoTime() - a.watchSentAt > TimeUnit.SECONDS.toNanos(1)) {
                agentWatchResends.increment();
                watch(a);
            }
            return;
        }
        if (a.socket != null) {
            drain(a);
            tallyWatches(a);
            agentReconnects.increment();
        }
        try {
            EmbeddedServer s = liveServer(random);
            a.socket = LiveSocket.open(URI.create("ws://127.0.0.1:" + s.getPort() + "/ws/agent?token="
                    + URLEncoder.encode(a.token, StandardCharsets.UTF_8)));
            a.sockets++;
            a.framesRead = 0;
            a.framesPerSeq.clear();
            a.watchesSent.clear();
            a.expectEcho = Math.max(1, a.maxSeen);
            watch(a);
        } catch (RuntimeException e) {
            a.socket = null;
        }
    }

    private static void watch(Agent a) {
        a.watchSentAt = System.nanoTime();
        a.watchesSent.merge(a.expectEcho, 1, Integer::sum);
        a.socket.send("{\"watch\":\"" + a.customer.id + "\",\"after\":" + Math.max(0, a.expectEcho - 1) + "}");
    }

    /**
     * Each watch command sends the asked-back seq once more, so fewer frames of it than commands sent means a
     * command was never answered (for instance taken before the socket's open handler had registered it).
     */
    private void tallyWatches(Agent a) {
        a.watchesSent.forEach((seq, n) -> {
            int unanswered = Math.max(0, n - a.framesPerSeq.getOrDefault(seq, 0));
            if (unanswered > 0) {
                agentWatchesUnanswered.add(unanswered);
                System.out.printf(Locale.ROOT, "[faults] agent %d: %d of %d watch commands unanswered on its socket #%d%n",
                        a.k, unanswered, n, a.sockets);
            }
        });
        a.watchesSent.clear();
    }

    private static void drain(Agent a) {
        List<String> frames = a.socket.frames();
        String conversation = "\"conversationId\":\"" + a.customer.id + "\"";
        for (; a.framesRead < frames.size(); a.framesRead++) {
            String frame = frames.get(a.framesRead);
            Matcher m = SEQ.matcher(frame);
            if (frame.contains(conversation) && m.find()) {
                long seq = Long.parseLong(m.group(1));
                a.seenLive.add(seq);
                a.framesPerSeq.merge(seq, 1, Integer::sum);
            }
        }
        if (a.expectEcho > 0 && a.framesPerSeq.containsKey(a.expectEcho)) {
            a.expectEcho = 0;
        }
        while (a.seenLive.contains(a.maxSeen + 1)) {
            a.maxSeen++;
        }
    }

    /** (Re)opens the customer's socket on a live instance, asking for everything after the last seq it saw. */
    private void ensureSocket(Customer c, Random random) {
        dropIfSilent(c.socket);
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

    /** A socket that still looks open but has not heard from the server for a while is dead: close it. */
    private void dropIfSilent(LiveSocket socket) {
        if (socket != null && !socket.closed() && socket.silentFor().compareTo(SILENT_AFTER) > 0) {
            silentSockets.increment();
            socket.close();
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

    private BenchReport verify(List<Customer> customers, List<Agent> agents) throws Exception {
        long stored = 0;
        long lost = 0;
        long duplicated = 0;
        long outOfOrder = 0;
        long seqGaps = 0;
        long missedLive = 0;
        long missedAfterCatchUp = 0;
        long agentStored = 0;
        long agentLost = 0;
        long agentDuplicated = 0;
        long agentOutOfOrder = 0;
        long agentMissedLive = 0;
        long agentMissedAfterCatchUp = 0;
        long withAgent = 0;
        Random random = new Random(99);
        Map<Customer, Agent> agentOf = new HashMap<>();
        agents.forEach(a -> agentOf.put(a.customer, a));
        for (Customer c : customers) {
            if (c.id == null) {
                continue;
            }
            String all = get(liveServer(random), "/api/conversations/" + c.id + "/messages?after=0", c.token);
            TreeMap<Long, String[]> events = new TreeMap<>();
            for (Map<String, Object> e : messages(all)) {
                events.put(((Number) e.get("seq")).longValue(),
                        new String[] {(String) e.get("type"), (String) e.get("clientMessageId"), (String) e.get("text")});
            }
            long expected = 1;
            for (long seq : events.keySet()) {
                if (seq != expected++) {
                    seqGaps++;
                }
            }
            if (events.values().stream().anyMatch(e -> "AGENT_JOINED".equals(e[0]))) {
                withAgent++;
            }
            // Customer messages are known by their clientMessageId, agent replies by their text (unique per reply).
            Map<String, List<Long>> seqsById = new LinkedHashMap<>();
            Map<String, List<Long>> seqsByReply = new LinkedHashMap<>();
            events.forEach((seq, e) -> {
                if ("CUSTOMER_ASKED".equals(e[0]) && e[1] != null) {
                    seqsById.computeIfAbsent(e[1], x -> new ArrayList<>()).add(seq);
                } else if ("AGENT_REPLIED".equals(e[0])) {
                    seqsByReply.computeIfAbsent(e[2], x -> new ArrayList<>()).add(seq);
                }
            });
            stored += seqsById.size();
            duplicated += duplicates(seqsById);
            long[] lostAndOutOfOrder = lostAndOutOfOrder(c.acked, seqsById);
            lost += lostAndOutOfOrder[0];
            outOfOrder += lostAndOutOfOrder[1];
            Agent agent = agentOf.get(c);
            if (agent != null) {
                agentStored += seqsByReply.size();
                agentDuplicated += duplicates(seqsByReply);
                long[] agentLostAndOutOfOrder = lostAndOutOfOrder(agent.acked, seqsByReply);
                agentLost += agentLostAndOutOfOrder[0];
                agentOutOfOrder += agentLostAndOutOfOrder[1];
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
            // The agent's console: what its sockets delivered, then a catch-up through the socket (watch after
            // the last contiguous seq), as the console does when it reconnects.
            if (agent != null) {
                if (agent.socket != null) {
                    drain(agent);
                }
                for (long seq : events.keySet()) {
                    if (!agent.seenLive.contains(seq)) {
                        agentMissedLive++;
                    }
                }
                long last = events.lastKey();
                if (agent.socket == null || agent.socket.closed()) {
                    ensureAgentSocket(agent, random);
                } else {
                    agent.expectEcho = Math.max(1, agent.maxSeen);
                    watch(agent);
                }
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!agent.seenLive.containsAll(events.keySet()) && System.nanoTime() < until) {
                    sleep(50);
                    ensureAgentSocket(agent, random);
                }
                long missedHere = 0;
                for (long seq : events.keySet()) {
                    if (!agent.seenLive.contains(seq)) {
                        agentMissedAfterCatchUp++;
                        missedHere++;
                    }
                }
                if (missedHere > 0) {
                    long firstMissing = events.keySet().stream().filter(q -> !agent.seenLive.contains(q)).findFirst().orElse(-1L);
                    System.out.printf(Locale.ROOT, "[faults] agent %d missed %d of %d events after catch-up: first missing %d, "
                                    + "last %d, contiguous up to %d, socket #%d %s, frames read %d%n", agent.k, missedHere,
                            events.size(), firstMissing, last, agent.maxSeen, agent.sockets,
                            agent.socket == null ? "none" : agent.socket.closed() ? "closed" : "open", agent.framesRead);
                    for (long q = Math.max(1, firstMissing - 2); q <= firstMissing + 1; q++) {
                        String[] e = events.get(q);
                        System.out.printf(Locale.ROOT, "[faults]   seq %d %s%n", q, e == null ? "-" : String.join(" | ", java.util.Arrays.asList(e)));
                    }
                }
                if (agent.socket != null) {
                    sleep(500);
                    drain(agent);
                    tallyWatches(agent);
                }
                if (agent.maxSeen < last) {
                    System.out.println("[faults] agent " + agent.k + " caught up to " + agent.maxSeen + " of " + last);
                }
            }
        }
        return new BenchReport()
                .put("sent", sent.sum())
                .put("acknowledged", acknowledged.sum())
                .put("stored", stored)
                .put("lost", lost + agentLost)
                .put("duplicated", duplicated + agentDuplicated)
                .put("outOfOrder", outOfOrder + agentOutOfOrder + seqGaps)
                .put("retries", retries.sum())
                .put("serverErrors", serverErrors.sum())
                .put("socketReconnects", reconnects.sum())
                .put("silentSockets", silentSockets.sum())
                .put("missedLiveBeforeCatchUp", missedLive)
                .put("missedAfterCatchUp", missedAfterCatchUp)
                .put("agentSent", agentSent.sum())
                .put("agentAcknowledged", agentAcknowledged.sum())
                .put("agentStored", agentStored)
                .put("agentLost", agentLost)
                .put("agentDuplicated", agentDuplicated)
                .put("agentOutOfOrder", agentOutOfOrder)
                .put("agentRetries", agentRetries.sum())
                .put("agentUncertainRetries", agentUncertainRetries.sum())
                .put("agentSocketReconnects", agentReconnects.sum())
                .put("agentWatchResends", agentWatchResends.sum())
                .put("agentWatchesUnanswered", agentWatchesUnanswered.sum())
                .put("agentMissedLiveBeforeCatchUp", agentMissedLive)
                .put("agentMissedAfterCatchUp", agentMissedAfterCatchUp)
                .put("customers", customerCount)
                .put("agents", agents.size())
                .put("conversationsWithAgent", withAgent)
                .put("seconds", seconds)
                .put("elapsedSeconds", elapsedSeconds)
                .put("restartSeconds", startSeconds.toString())
                .put("faults", "instance 0 killed and restarted, redis restarted, instance 1 killed and restarted")
                .put("agentReplyIdempotencyKey", true)
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("loadAverageBefore", loadAverageBefore)
                .put("loadAverageAfter", loadAverage())
                .put("date", java.time.Instant.now().toString());
    }

    private static long duplicates(Map<String, List<Long>> seqsByKey) {
        return seqsByKey.values().stream().mapToLong(seqs -> seqs.size() - 1).sum();
    }

    /** Acknowledged keys not stored, and acknowledged keys stored before one acknowledged earlier. */
    private static long[] lostAndOutOfOrder(List<String> acked, Map<String, List<Long>> seqsByKey) {
        long lost = 0;
        long outOfOrder = 0;
        long previous = 0;
        for (String key : acked) {
            List<Long> seqs = seqsByKey.get(key);
            if (seqs == null) {
                lost++;
            } else {
                if (seqs.get(0) < previous) {
                    outOfOrder++;
                }
                previous = seqs.get(0);
            }
        }
        return new long[] {lost, outOfOrder};
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

    private String put(String base, String path, String token, String json) throws Exception {
        HttpResponse<String> r = send(base, "PUT", path, token, json);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private HttpResponse<String> send(String base, String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
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

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
