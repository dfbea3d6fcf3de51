package touchpoint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import touchpoint.channel.ChannelDirectory;
import touchpoint.channel.ChannelInbox;
import touchpoint.channel.WebhookReceiver;
import touchpoint.chat.EventType;
import touchpoint.chat.NewEvent;
import touchpoint.chat.Transcript;

/**
 * How many signed webhooks per second the channel outbox delivers to a local receiver: {@code bench.outboxEvents}
 * (5,000) bot messages are queued while the endpoint refuses (503), then it accepts and the time until the last one
 * arrives is measured; once through one API channel (one endpoint: strictly one delivery after another, to keep the
 * order) and once spread over four. Every delivery must arrive, none twice, in order per conversation. Writes
 * target/bench/outbox.json.
 */
class OutboxThroughputBench {

    private final int events = BenchReport.intSetting("bench.outboxEvents", 5_000);

    @Test
    void should_deliver_the_outbox_at_hundreds_of_webhooks_per_second() throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("touchpoint.test.scripted-knowledge", "true");
        props.put("touchpoint.webhooks.allow-private-networks", "true");
        props.put("touchpoint.channels.backoff-initial", "20ms");
        props.put("touchpoint.channels.backoff-max", "50ms");
        props.put("touchpoint.channels.delivery-poll", "50ms");
        BenchReport report = new BenchReport().put("events", events);
        try (ApplicationContext context = ApplicationContext.run(props, "test")) {
            report.put("oneEndpointPerSecond", run(context, 1));
            report.put("fourEndpointsPerSecond", run(context, 4));
        }
        report.put("cpu", cpuName());
        report.write("outbox.json");
        assertThat((Double) report.get("oneEndpointPerSecond")).isPositive();
    }

    private double run(ApplicationContext context, int endpoints) throws Exception {
        ChannelDirectory channels = context.getBean(ChannelDirectory.class);
        ChannelInbox inbox = context.getBean(ChannelInbox.class);
        Transcript transcript = context.getBean(Transcript.class);
        JsonMapper json = context.getBean(JsonMapper.class);
        List<WebhookReceiver> receivers = new ArrayList<>();
        AtomicBoolean open = new AtomicBoolean(false);
        List<String> conversations = new ArrayList<>();
        for (int e = 0; e < endpoints; e++) {
            WebhookReceiver receiver = new WebhookReceiver();
            receiver.answer(() -> open.get() ? 200 : 503);
            receivers.add(receiver);
            String channelId = channels.create("api", "bench-" + endpoints + "-" + e, true,
                    Map.of("webhookUrl", JsonNode.createStringNode(receiver.url()))).channel().id();
            for (int c = 0; c < 10; c++) {
                conversations.add(inbox.open(channelId, "bench-" + c, null, null).conversationId());
            }
        }
        int perConversation = events / conversations.size();
        int queued = 0;
        for (String conversationId : conversations) {
            for (int done = 0; done < perConversation; done += 100) {
                int n = Math.min(100, perConversation - done);
                transcript.write(conversationId, session -> {
                    for (int i = 0; i < n; i++) {
                        session.append(NewEvent.of(EventType.BOT_GREETED).text("Queued message"));
                    }
                    return null;
                });
                queued += n;
            }
        }
        // Each conversation's start also queued its greeting.
        int expected = queued + conversations.size();
        long started = System.nanoTime();
        open.set(true);
        long deadline = started + Duration.ofMinutes(5).toNanos();
        while (receivers.stream().mapToInt(r -> r.accepted().size()).sum() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> lastSeq = new HashMap<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        int duplicates = 0;
        int outOfOrder = 0;
        for (WebhookReceiver r : receivers) {
            for (WebhookReceiver.Received got : r.accepted()) {
                if (!ids.add(got.header("webhook-id"))) {
                    duplicates++;
                }
                Map<?, ?> data = (Map<?, ?>) json.readValue(got.body(), Map.class).get("data");
                String conversation = (String) data.get("conversationId");
                long seq = ((Number) ((Map<?, ?>) data.get("message")).get("seq")).longValue();
                if (seq <= lastSeq.getOrDefault(conversation, 0L)) {
                    outOfOrder++;
                }
                lastSeq.put(conversation, seq);
            }
            r.close();
        }
        assertThat(ids).hasSize(expected);
        assertThat(duplicates).isZero();
        assertThat(outOfOrder).isZero();
        return expected / seconds;
    }

    private static String cpuName() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
