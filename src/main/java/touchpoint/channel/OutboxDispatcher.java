package touchpoint.channel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.chat.ConversationStatus;
import touchpoint.chat.Transcript;
import touchpoint.chat.TranscriptAppended;
import touchpoint.chat.TranscriptEvent;
import touchpoint.chat.TranscriptRedactions;
import touchpoint.infra.Ids;

/**
 * Delivers the channel outbox: for each channel with due rows, one worker at a time (a lease in the database, so across
 * instances too) hands the rows to the channel's type oldest first. A failure stops the channel's queue until the
 * failed row's next attempt (exponential backoff with jitter, no longer than {@code probe-interval} while later rows
 * wait behind it), which keeps the order per channel; after
 * {@code retry-for} the row is given up as FAILED and the rest go on. Deliveries run on their own threads, woken after
 * the commit of an event, so a slow or dead endpoint never holds up a customer's turn.
 */
@Singleton
@Requires(property = "touchpoint.channels.delivery-enabled", notEquals = "false")
class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Instant PAST = Instant.EPOCH;
    private static final int MAX_ERROR = 500;

    private final OutboxRepository outbox;
    private final OutboxLeaseRepository leases;
    private final ChannelDirectory directory;
    private final ChannelOutbox rows;
    private final ChannelThreads mapping;
    private final Transcript transcript;
    private final ChannelsConfig config;
    private final Clock clock;
    private final String holder;
    private final ExecutorService workers;
    /** Channels with a worker in this instance, at most one each. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** Channels woken since their worker last looked: it looks again before it stops. */
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    /**
     * Events of channel conversations as committed on this instance, so a delivery right after the commit does not read
     * its event back; a delivery that misses (a retry, another instance's row) reads the transcript. Small and short-lived
     * (an event carries up to 2,000 characters of text and its HTML): deliveries normally follow within milliseconds.
     * An erasure drops the conversation's events here as it redacts them there.
     */
    private final Cache<String, TranscriptEvent> committed = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterWrite(Duration.ofSeconds(30)).build();
    /**
     * Conversations with a customer's turn in progress on this instance. Two overlapping turns of one conversation
     * share the entry: the first to end wakes the worker for both, and the later one's writes wake it as usual.
     */
    private final Set<String> inTurn = ConcurrentHashMap.newKeySet();
    /** Channels whose lease row this instance has seen exist: lease rows are never deleted, so it is written once. */
    private final Set<String> leaseRows = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    OutboxDispatcher(OutboxRepository outbox, OutboxLeaseRepository leases, ChannelDirectory directory, ChannelThreads mapping,
                     Transcript transcript, ChannelsConfig config, Clock clock, Ids ids, ChannelOutbox rows) {
        this.outbox = outbox;
        this.rows = rows;
        this.leases = leases;
        this.directory = directory;
        this.mapping = mapping;
        this.transcript = transcript;
        this.config = config;
        this.clock = clock;
        this.holder = ids.newId();
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.deliveryThreads()), r -> {
            Thread t = new Thread(r, "channel-delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @EventListener
    void onAppended(TranscriptAppended appended) {
        if (Channel.WEB.equals(appended.conversation().channelType())) {
            return;
        }
        TranscriptEvent event = appended.event();
        committed.put(event.id(), event);
        // One wake-up per write, after its last event, and only for a write that added rows: they all committed together,
        // so one drain finds them all. Waking for each event made a second drain of an empty queue on every turn.
        if (event.seq() == appended.state().lastSeq() && !inTurn.contains(event.conversationId())
                && rows.takeWritten(event.conversationId())) {
            wake(appended.conversation().channelId());
        }
    }

    /**
     * A customer's message on the conversation is being answered: its writes wake no worker until {@link #turnEnded}, so
     * the webhooks of a turn (a new thread's greeting and the bot's reply) go out in one drain after the reply is
     * decided, instead of competing with the turn for the same cores while it runs.
     */
    void turnStarted(String conversationId) {
        inTurn.add(conversationId);
    }

    /** The turn is over, answered or failed: what its writes added is delivered now. */
    void turnEnded(String conversationId, String channelId) {
        inTurn.remove(conversationId);
        if (rows.takeWritten(conversationId)) {
            wake(channelId);
        }
    }

    @EventListener
    void onRedacted(TranscriptRedactions.TranscriptRedacted redacted) {
        committed.asMap().values().removeIf(e -> e.conversationId().equals(redacted.conversationId()));
    }

    @Scheduled(fixedDelay = "${touchpoint.channels.delivery-poll:1s}", initialDelay = "${touchpoint.channels.delivery-poll:1s}")
    void poll() {
        if (!stopping) {
            outbox.channelsWithDue(clock.instant()).forEach(this::wake);
        }
    }

    /** Makes sure a worker looks at the channel's queue soon; never blocks, never runs a delivery on the caller's thread. */
    void wake(String channelId) {
        if (stopping) {
            return;
        }
        dirty.add(channelId);
        if (!running.add(channelId)) {
            return;
        }
        try {
            workers.execute(() -> work(channelId));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            running.remove(channelId);
        }
    }

    private void work(String channelId) {
        try {
            while (!stopping && dirty.remove(channelId)) {
                drain(channelId);
            }
        } catch (RuntimeException e) {
            // Not looked at again until the next poll: a database that is down is not hammered in a loop.
            dirty.remove(channelId);
            LOG.warn("channel {} delivery worker failed; the next poll retries", channelId, e);
        } finally {
            running.remove(channelId);
            // A wake-up between the last look and leaving would otherwise wait for the next poll.
            if (dirty.contains(channelId)) {
                wake(channelId);
            }
        }
    }

    private void drain(String channelId) {
        if (!leaseRows.contains(channelId)) {
            leases.ensure(channelId, PAST);
            leaseRows.add(channelId);
        }
        Instant leasedAt = clock.instant();
        if (leases.acquire(channelId, holder, leasedAt, leasedAt.plus(config.lease())) == 0) {
            return;
        }
        try {
            Map<String, ChannelThread> threads = new HashMap<>();
            while (!stopping) {
                // From the directory's snapshot: an admin's disabling reaches it at once, and it costs no query per batch.
                Optional<Channel> channel = directory.find(channelId).filter(Channel::enabled);
                Optional<ChannelType> type = channel.flatMap(directory::typeOf);
                if (type.isEmpty()) {
                    return;
                }
                List<OutboxRow> head = outbox.head(channelId, config.deliveryBatch());
                if (head.isEmpty()) {
                    return;
                }
                for (int i = 0; i < head.size(); i++) {
                    OutboxRow row = head.get(i);
                    boolean queueBehind = i + 1 < head.size();
                    Instant now = clock.instant();
                    if (stopping) {
                        return;
                    }
                    if (row.nextAttemptAt().isAfter(now)) {
                        if (queueBehind) {
                            probeSooner(row, now);
                        }
                        return;
                    }
                    if (Duration.between(leasedAt, now).compareTo(config.lease().dividedBy(3)) > 0) {
                        leasedAt = now;
                        if (leases.acquire(channelId, holder, now, now.plus(config.lease())) == 0) {
                            return;
                        }
                    }
                    if (!deliver(channel.get(), type.get(), row, threads, queueBehind)) {
                        return;
                    }
                }
                // A short batch was the whole queue when read. A row this instance commits later wakes the channel again
                // (the worker then drains once more), and another instance's rows are found by the poll, so asking the
                // database again now would mostly find nothing.
                if (head.size() < config.deliveryBatch()) {
                    return;
                }
            }
        } finally {
            leases.release(channelId, holder, PAST);
        }
    }

    /**
     * Deliveries queued behind a row that backs off for long (it failed while alone, and the backoff grew): its next
     * attempt comes within {@code probe-interval}, so the queue is not held back an hour by an endpoint that has
     * recovered. Only ever brings the attempt forward; once it is within the interval nothing is written.
     */
    private void probeSooner(OutboxRow row, Instant now) {
        if (row.nextAttemptAt().isAfter(now.plus(config.probeInterval()))) {
            outbox.bringForward(row.id(), now.plus(probeWait()));
        }
    }

    /** True when the row is done with (delivered or given up), so the next one may go. */
    private boolean deliver(Channel channel, ChannelType type, OutboxRow row, Map<String, ChannelThread> threads,
                            boolean queueBehind) {
        Optional<TranscriptEvent> event = Optional.ofNullable(committed.getIfPresent(row.messageId()))
                .filter(e -> e.conversationId().equals(row.conversationId()))
                .or(() -> transcript.message(row.conversationId(), row.messageId()));
        ChannelThread thread = threads.computeIfAbsent(row.conversationId(), c -> mapping.ofConversation(c)
                .orElse(new ChannelThread(row.channelId(), row.externalKey(), row.conversationId(), Contact.UNKNOWN)));
        if (event.isEmpty()) {
            outbox.attemptFailed(row.id(), OutboxRow.FAILED, clock.instant(), "the event is not in the transcript");
            return true;
        }
        Delivery delivery = new Delivery(row.deliveryId(), row.topic(), channel, thread, event.get(),
                ConversationStatus.valueOf(row.conversationStatus()), row.attempts() + 1, row.createdAt());
        try {
            type.deliver(delivery);
            outbox.delivered(row.id(), clock.instant());
            return true;
        } catch (Exception e) {
            Instant now = clock.instant();
            String error = describe(e);
            if (now.isAfter(row.createdAt().plus(config.retryFor()))) {
                outbox.attemptFailed(row.id(), OutboxRow.FAILED, now, error);
                LOG.warn("channel {} delivery {} given up after {} attempts: {}", channel.id(), row.id(), row.attempts() + 1, error);
                return true;
            }
            Duration wait = backoff(row.attempts() + 1);
            if (queueBehind && wait.compareTo(config.probeInterval()) > 0) {
                // Later deliveries wait for this one: try the endpoint again within the probe interval, so the first
                // answer after an outage releases the queue instead of the backoff's next, longer, wait.
                wait = probeWait();
            }
            outbox.attemptFailed(row.id(), OutboxRow.PENDING, now.plus(wait), error);
            LOG.info("channel {} delivery {} attempt {} failed, retrying later: {}", channel.id(), row.id(), row.attempts() + 1, error);
            return false;
        }
    }

    /**
     * The wait after the {@code failures}-th failure: doubling from {@code backoff-initial} up to {@code backoff-max},
     * of which a random half is taken off so endpoints that fail together are not retried together.
     */
    Duration backoff(int failures) {
        long initial = config.backoffInitial().toMillis();
        long max = config.backoffMax().toMillis();
        long exp = failures >= 40 ? max : Math.min(max, initial * (1L << Math.min(failures - 1, 39)));
        long jittered = exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1);
        return Duration.ofMillis(Math.max(1, jittered));
    }

    /** The probe interval with a random half taken off, as the backoff's waits. */
    private Duration probeWait() {
        long interval = Math.max(2, config.probeInterval().toMillis());
        return Duration.ofMillis(interval / 2 + ThreadLocalRandom.current().nextLong(interval / 2 + 1));
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
