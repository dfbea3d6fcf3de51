package touchpoint.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parsed logs of the conversations this instance read or wrote lately, so a customer's turn and the analytics
 * projection a second later do not each read and parse the whole log again (parsing stored events was a tenth of
 * the loaded service's samples).
 *
 * <p>A held log is only ever used for a conversation whose row says it ends at the same sequence number: events are
 * append-only, and the one rewrite, a redaction, always appends its marker too, so a log that ends where the row
 * ends is the log. Another instance's writes therefore make the entry miss, never lie. Entries grow only by this
 * instance's own committed writes, and only when they continue the held log exactly.
 */
final class RecentLogs {

    /**
     * About 8 MiB of heap (the recommended launch caps the heap at 256 MiB): a few hundred recently active
     * conversations, more than the customers one instance serves at once.
     */
    private static final long MAX_WEIGHT = 8L << 20;
    /** What an event costs beyond its texts, roughly: the record, its lists, the data record, the map's share. */
    private static final int EVENT_OVERHEAD = 400;

    private final Cache<String, List<TranscriptEvent>> logs = Caffeine.newBuilder()
            .maximumWeight(MAX_WEIGHT)
            .weigher((String id, List<TranscriptEvent> events) -> weight(events))
            .build();

    /** The conversation's log when the held one ends at {@code lastSeq}. */
    Optional<List<TranscriptEvent>> endingAt(String conversationId, long lastSeq) {
        List<TranscriptEvent> held = logs.getIfPresent(conversationId);
        return held != null && lastSeq(held) == lastSeq ? Optional.of(held) : Optional.empty();
    }

    /** Keeps a log read from the database, unless a longer one is already held. */
    void read(String conversationId, List<TranscriptEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<TranscriptEvent> log = List.copyOf(events);
        logs.asMap().merge(conversationId, log, (held, read) -> lastSeq(held) >= lastSeq(read) ? held : read);
    }

    /**
     * Adds a committed write's events: a new conversation's first write is its whole log; a later write extends the
     * held log only when it starts right after it, and otherwise the held log is dropped as another writer's events
     * came in between.
     */
    void written(String conversationId, List<TranscriptEvent> stored) {
        if (stored.isEmpty()) {
            return;
        }
        long first = stored.get(0).seq();
        if (first == 1) {
            logs.put(conversationId, List.copyOf(stored));
            return;
        }
        logs.asMap().computeIfPresent(conversationId, (id, held) -> {
            if (lastSeq(held) != first - 1) {
                return null;
            }
            List<TranscriptEvent> longer = new ArrayList<>(held.size() + stored.size());
            longer.addAll(held);
            longer.addAll(stored);
            return List.copyOf(longer);
        });
    }

    void forget(String conversationId) {
        logs.invalidate(conversationId);
    }

    private static long lastSeq(List<TranscriptEvent> events) {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
    }

    private static int weight(List<TranscriptEvent> events) {
        long weight = 0;
        for (TranscriptEvent e : events) {
            weight += EVENT_OVERHEAD + 2L * (length(e.text()) + length(e.html()));
        }
        return (int) Math.min(Integer.MAX_VALUE, weight);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
