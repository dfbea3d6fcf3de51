package touchpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import touchpoint.channel.ChannelInbox;
import touchpoint.channel.ChannelTestClient;
import touchpoint.channel.DeliveryLog;
import touchpoint.chat.EventType;
import touchpoint.chat.Transcript;
import touchpoint.testing.EmbeddedInfra;

/**
 * The API channel's faults. First its webhook endpoint answers 500 for a minute, then stalls past
 * {@code touchpoint.webhooks.timeout} for two minutes, then recovers, while customers keep sending messages through
 * {@code POST /api/channels/{id}/messages} (some sent twice, as a client retrying after a lost answer would); the
 * outbox backs off as it does in production (from 1 s doubling towards its cap), so the figures show how long a queue
 * held back by a long outage takes to drain once the endpoint answers again. The phases' lengths are
 * {@code -Dbench.webhookErrorSeconds} (60) and {@code -Dbench.webhookTimeoutSeconds} (120). Then two
 * instances share one PostgreSQL and the instance that holds the channel's delivery lease is stopped in the middle of
 * its deliveries. In both: every outbox event reaches the endpoint at least once, none is lost, the endpoint never sees
 * a delivery after a later one, and no customer message is stored twice. Runs after {@link FaultsEmailBench}
 * (alphabetical order) and adds its figures to target/bench/faults.json under "webhooks.".
 */
class FaultsWebhookBench {

    private final int failingSeconds = BenchReport.intSetting("bench.webhookErrorSeconds", 60);
    private final int stallingSeconds = BenchReport.intSetting("bench.webhookTimeoutSeconds", 120);
    /** A customer message every two seconds of the outage: traffic goes on all through it. */
    private final int outageMessages = BenchReport.intSetting("bench.webhookMessages", Math.max(40, (failingSeconds + stallingSeconds) / 2));
    /** The second part (a stopped instance) keeps its own, shorter run. */
    private final int messages = 40;

    @Test
    void should_deliver_every_webhook_once_or_more_in_order_through_500s_timeouts_and_a_stopped_instance() throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        failingThenStallingEndpoint(figures);
        stoppedInstance(figures);
        BenchReport.of(figures).mergeInto("faults.json");
    }

    private void failingThenStallingEndpoint(Map<String, Object> figures) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("touchpoint.test.scripted-knowledge", "true");
        props.put("touchpoint.webhooks.allow-private-networks", "true");
        props.put("touchpoint.webhooks.timeout", "1s");
        props.put("touchpoint.survey.enabled", "false");
        // The outbox's own backoff (touchpoint.channels.backoff-*), unless a run asks for another one.
        copySetting(props, "bench.webhookBackoffMax", "touchpoint.channels.backoff-max");
        copySetting(props, "bench.webhookProbeInterval", "touchpoint.channels.probe-interval");
        int messages = outageMessages;
        try (Receiver receiver = new Receiver();
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test")) {
            ApplicationContext ctx = server.getApplicationContext();
            ChannelTestClient client = client(server);
            ChannelTestClient.Reply created = client.createApiChannel("Faults", receiver.url());
            String channelId = (String) created.get("id");
            String apiKey = (String) created.get("apiKey");

            receiver.failWith(500);
            long started = System.nanoTime();
            long stallAt = started + failingSeconds * 1_000_000_000L;
            long recoverAt = stallAt + stallingSeconds * 1_000_000_000L;
            long pause = (failingSeconds + stallingSeconds) * 1000L / messages;
            List<Long> turnMillis = new ArrayList<>();
            int retried = 0;
            for (int i = 0; i < messages; i++) {
                if (System.nanoTime() >= stallAt && receiver.stallMillis == 0) {
                    receiver.failWith(200);
                    receiver.stallMillis = 1500;
                }
                long t0 = System.nanoTime();
                ChannelTestClient.Reply reply = client.sendApiMessage(channelId, apiKey, "conv-" + (i % 10), "m-" + i,
                        "What is your return policy? (" + i + ")");
                turnMillis.add((System.nanoTime() - t0) / 1_000_000);
                assertThat(reply.status()).as("customer turn %d while the endpoint fails", i).isEqualTo(200);
                if (i % 5 == 0) {
                    assertThat(client.sendApiMessage(channelId, apiKey, "conv-" + (i % 10), "m-" + i,
                            "What is your return policy? (" + i + ")").status()).isEqualTo(200);
                    retried++;
                }
                Thread.sleep(pause);
            }
            while (System.nanoTime() < recoverAt) {
                Thread.sleep(100);
            }
            DeliveryLog log = ctx.getBean(DeliveryLog.class);
            List<DeliveryLog.Entry> waiting = log.latest(channelId, "PENDING", DeliveryLog.MAX_LIMIT);
            receiver.stallMillis = 0;
            long recovered = System.nanoTime();
            java.time.Instant recoveredAt = java.time.Instant.now();
            DeliveryLog.Entry head = waiting.isEmpty() ? null : waiting.get(waiting.size() - 1);
            // Long enough for the longest wait the backoff can reach after this outage, and then some.
            long deadline = recovered + Math.max(120, 2L * (failingSeconds + stallingSeconds)) * 1_000_000_000L;
            while (System.nanoTime() < deadline && !drained(log, channelId)) {
                Thread.sleep(100);
            }
            double drainSeconds = (System.nanoTime() - recovered) / 1e9;
            List<DeliveryLog.Entry> outbox = log.latest(channelId, null, DeliveryLog.MAX_LIMIT);

            Transcript transcript = ctx.getBean(Transcript.class);
            ChannelInbox inbox = ctx.getBean(ChannelInbox.class);
            long stored = 0;
            for (int c = 0; c < 10; c++) {
                var thread = inbox.thread(channelId, "conv-" + c);
                if (thread.isPresent()) {
                    stored += transcript.events(thread.get().conversationId()).stream()
                            .filter(e -> e.type() == EventType.CUSTOMER_ASKED).count();
                }
            }
            Check check = receiver.check(outbox);
            turnMillis.sort(Long::compare);
            String p = "webhooks.failing_endpoint.";
            figures.put(p + "messages_sent", messages);
            figures.put(p + "messages_sent_twice_by_the_client", retried);
            figures.put(p + "seconds_answering_500", failingSeconds);
            figures.put(p + "seconds_stalling_past_timeout", stallingSeconds);
            figures.put(p + "webhook_timeout_ms", 1000);
            figures.put(p + "backoff_max", ctx.getProperty("touchpoint.channels.backoff-max", String.class).orElse("1h (default)"));
            figures.put(p + "probe_interval", ctx.getProperty("touchpoint.channels.probe-interval", String.class).orElse("default"));
            figures.put(p + "waiting_at_recovery", waiting.size());
            figures.put(p + "head_attempts_at_recovery", head == null ? 0 : head.attempts());
            figures.put(p + "head_next_attempt_seconds_after_recovery", head == null || head.nextAttemptAt() == null ? 0.0
                    : java.time.Duration.between(recoveredAt, head.nextAttemptAt()).toMillis() / 1000.0);
            figures.put(p + "customer_turn_p50_ms_during_faults", turnMillis.get(turnMillis.size() / 2));
            figures.put(p + "customer_turn_max_ms_during_faults", turnMillis.get(turnMillis.size() - 1));
            figures.put(p + "customer_messages_stored", stored);
            figures.put(p + "duplicated_transcript_entries", stored - messages);
            figures.put(p + "outbox_events", outbox.size());
            figures.put(p + "attempts_seen_by_endpoint", receiver.arrivals.size());
            figures.put(p + "delivered_at_least_once", check.delivered());
            figures.put(p + "lost", check.lost());
            figures.put(p + "out_of_order", check.outOfOrder());
            figures.put(p + "seconds_to_first_delivery_after_recovery", receiver.arrivals.stream()
                    .filter(a -> a.accepted() && a.atNanos() >= recovered).mapToLong(Receiver.Arrival::atNanos).min()
                    .stream().mapToDouble(at -> (at - recovered) / 1e9).findFirst().orElse(-1));
            figures.put(p + "seconds_to_drain_after_recovery", drainSeconds);

            assertThat(outbox.size()).isLessThan(DeliveryLog.MAX_LIMIT);
            assertThat(stored).as("customer messages stored").isEqualTo(messages);
            assertThat(check.lost()).as("webhooks lost").isZero();
            assertThat(check.outOfOrder()).as("webhooks out of order").isZero();
            assertThat(check.delivered()).isEqualTo(outbox.size());
        }
    }

    private void stoppedInstance(Map<String, Object> figures) throws Exception {
        Map<String, Object> props = new HashMap<>(EmbeddedInfra.postgresAndRedis(EmbeddedInfra.newDatabaseUrl()));
        props.put("touchpoint.test.scripted-knowledge", "true");
        props.put("touchpoint.webhooks.allow-private-networks", "true");
        props.put("touchpoint.webhooks.timeout", "1s");
        props.put("touchpoint.channels.delivery-poll", "100ms");
        props.put("touchpoint.channels.backoff-initial", "100ms");
        props.put("touchpoint.channels.backoff-max", "500ms");
        props.put("touchpoint.channels.lease", "2s");
        props.put("touchpoint.survey.enabled", "false");
        int half = messages / 2;
        try (Receiver receiver = new Receiver()) {
            // The first instance runs alone at first, so it is the one holding the lease and delivering when it stops.
            EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, props, "test");
            ApplicationContext secondContext = null;
            try {
                ChannelTestClient one = client(first);
                ChannelTestClient.Reply created = one.createApiChannel("Two instances", receiver.url());
                String channelId = (String) created.get("id");
                String apiKey = (String) created.get("apiKey");
                receiver.stallMillis = 150;
                for (int i = 0; i < half; i++) {
                    assertThat(one.sendApiMessage(channelId, apiKey, "conv-" + (i % 10), "m-" + i, "How do I return an item? " + i)
                            .status()).isEqualTo(200);
                }
                EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, props, "test");
                secondContext = second.getApplicationContext();
                ChannelTestClient two = client(second);
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (receiver.arrivals.size() < 5 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                int beforeStop = receiver.arrivals.size();
                first.stop();
                long stopped = System.nanoTime();
                for (int i = half; i < messages; i++) {
                    assertThat(two.sendApiMessage(channelId, apiKey, "conv-" + (i % 10), "m-" + i, "How do I return an item? " + i)
                            .status()).isEqualTo(200);
                }
                receiver.stallMillis = 0;
                DeliveryLog log = secondContext.getBean(DeliveryLog.class);
                deadline = System.nanoTime() + 60_000_000_000L;
                while (System.nanoTime() < deadline && !drained(log, channelId)) {
                    Thread.sleep(100);
                }
                double drainSeconds = (System.nanoTime() - stopped) / 1e9;
                List<DeliveryLog.Entry> outbox = log.latest(channelId, null, DeliveryLog.MAX_LIMIT);
                Transcript transcript = secondContext.getBean(Transcript.class);
                ChannelInbox inbox = secondContext.getBean(ChannelInbox.class);
                long stored = 0;
                for (int c = 0; c < 10; c++) {
                    var thread = inbox.thread(channelId, "conv-" + c);
                    if (thread.isPresent()) {
                        stored += transcript.events(thread.get().conversationId()).stream()
                                .filter(e -> e.type() == EventType.CUSTOMER_ASKED).count();
                    }
                }
                Check check = receiver.check(outbox);
                String p = "webhooks.stopped_instance.";
                figures.put(p + "messages_sent", messages);
                figures.put(p + "deliveries_seen_before_the_stop", beforeStop);
                figures.put(p + "customer_messages_stored", stored);
                figures.put(p + "duplicated_transcript_entries", stored - messages);
                figures.put(p + "outbox_events", outbox.size());
                figures.put(p + "attempts_seen_by_endpoint", receiver.arrivals.size());
                figures.put(p + "delivered_at_least_once", check.delivered());
                figures.put(p + "lost", check.lost());
                figures.put(p + "out_of_order", check.outOfOrder());
                figures.put(p + "seconds_to_drain_after_the_stop", drainSeconds);

                assertThat(stored).isEqualTo(messages);
                assertThat(check.lost()).isZero();
                assertThat(check.outOfOrder()).isZero();
                assertThat(check.delivered()).isEqualTo(outbox.size());
            } finally {
                if (first.isRunning()) {
                    first.stop();
                }
                if (secondContext != null) {
                    secondContext.close();
                }
            }
        }
    }

    private static void copySetting(Map<String, Object> props, String benchName, String serviceName) {
        String value = System.getProperty(benchName);
        if (value != null && !value.isBlank()) {
            props.put(serviceName, value.strip());
        }
    }

    private static boolean drained(DeliveryLog log, String channelId) {
        return log.latest(channelId, "PENDING", 1).isEmpty();
    }

    private static ChannelTestClient client(EmbeddedServer server) {
        ApplicationContext ctx = server.getApplicationContext();
        return new ChannelTestClient(server.getURL().toString(), ctx.getBean(JsonMapper.class), ctx.getBean(JwtTokenGenerator.class));
    }

    record Check(int delivered, int lost, int outOfOrder) {
    }

    /**
     * The endpoint, recording each request when it arrives (not when it is answered): a stalled request the sender
     * has given up on must not look like a late delivery.
     */
    private static final class Receiver implements AutoCloseable {

        record Arrival(long id, boolean accepted, long atNanos) {
        }

        private final HttpServer server;
        final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
        volatile int status = 200;
        volatile long stallMillis;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                }
                long stall = stallMillis;
                int answer = status;
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                // Stalled requests outlast the sender's timeout and so never count as delivered.
                arrivals.add(new Arrival(Long.parseLong(id.substring("msg_".length())), answer / 100 == 2 && stall < 1000,
                        System.nanoTime()));
                if (stall > 0) {
                    try {
                        Thread.sleep(stall);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                exchange.sendResponseHeaders(answer, -1);
                exchange.close();
            });
            server.start();
        }

        void failWith(int status) {
            this.status = status;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        /**
         * Delivered: outbox rows whose id the endpoint accepted at least once. Out of order: a request for a row older
         * than one already seen (the same row again is a redelivery, which at-least-once allows).
         */
        Check check(List<DeliveryLog.Entry> outbox) {
            Set<Long> accepted = new HashSet<>();
            long highest = 0;
            int outOfOrder = 0;
            for (Arrival a : arrivals) {
                if (a.id() < highest) {
                    outOfOrder++;
                }
                highest = Math.max(highest, a.id());
                if (a.accepted()) {
                    accepted.add(a.id());
                }
            }
            int delivered = 0;
            for (DeliveryLog.Entry e : outbox) {
                if (accepted.contains(e.deliveryId())) {
                    delivered++;
                }
            }
            return new Check(delivered, outbox.size() - delivered, outOfOrder);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
