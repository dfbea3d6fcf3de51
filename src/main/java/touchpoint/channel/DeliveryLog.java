package touchpoint.channel;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import touchpoint.infra.InvalidRequest;
import touchpoint.infra.NotFound;

/** The outbox read as a delivery log, and a delivery sent again by hand. */
@Singleton
public class DeliveryLog {

    private static final Set<String> STATUSES = Set.of(OutboxRow.PENDING, OutboxRow.DELIVERED, OutboxRow.FAILED);
    public static final int MAX_LIMIT = 500;

    private final OutboxRepository outbox;
    private final ChannelDirectory directory;
    private final BeanProvider<OutboxDispatcher> dispatcher;
    private final Clock clock;

    DeliveryLog(OutboxRepository outbox, ChannelDirectory directory, BeanProvider<OutboxDispatcher> dispatcher, Clock clock) {
        this.outbox = outbox;
        this.directory = directory;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * One delivery as the log shows it.
     *
     * @param deliveryId what the other side sees (the original's id for a replay)
     * @param status PENDING, DELIVERED or FAILED (given up after the retry window)
     */
    @Serdeable
    public record Entry(long id, long deliveryId, String topic, String conversationId, long seq, String status, int attempts,
                        Instant createdAt, @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt,
                        @Nullable String lastError, @Nullable Long replayOf) {

        static Entry of(OutboxRow r) {
            return new Entry(r.id(), r.deliveryId(), r.topic(), r.conversationId(), r.seq(), r.status(), r.attempts(),
                    r.createdAt(), OutboxRow.PENDING.equals(r.status()) ? r.nextAttemptAt() : null, r.deliveredAt(),
                    r.lastError(), r.replayOf());
        }
    }

    /** The channel's latest deliveries, newest first, optionally only those with one status. */
    public List<Entry> latest(String channelId, @Nullable String status, int limit) {
        directory.find(channelId).orElseThrow(ChannelNotFound::new);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequest("limit", "must be from 1 to " + MAX_LIMIT);
        }
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidRequest("status", "must be one of PENDING, DELIVERED, FAILED");
        }
        List<OutboxRow> rows = status == null ? outbox.latest(channelId, limit) : outbox.latestWithStatus(channelId, status, limit);
        return rows.stream().map(Entry::of).toList();
    }

    /**
     * Queues a delivery again, at the end of the channel's queue (so the order of what is queued stays as it is), under
     * the same delivery id so the other side can tell it has seen it.
     */
    public Entry replay(String channelId, long id) {
        OutboxRow original = outbox.findById(id).filter(r -> r.channelId().equals(channelId))
                .orElseThrow(() -> new NotFound("id", "No delivery with that id on this channel"));
        Instant now = clock.instant();
        OutboxRow again = outbox.save(new OutboxRow(null, original.channelId(), original.conversationId(), original.externalKey(),
                original.seq(), original.messageId(), original.topic(), original.conversationStatus(), OutboxRow.PENDING, 0,
                now, now, null, null, original.deliveryId()));
        dispatcher.ifPresent(d -> d.wake(channelId));
        return Entry.of(again);
    }
}
