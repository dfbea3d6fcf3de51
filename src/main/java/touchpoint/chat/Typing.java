package touchpoint.chat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Someone is typing" between the customer's widget and the agent console. It goes over the live bus only and is
 * never stored: it says nothing once the moment has passed. Each side announces at most once per
 * {@link #INTERVAL}, so a fast typist costs one message every few seconds per conversation, not one per key.
 */
public final class Typing {

    /** How often a side may say it is typing; the receiving side shows the indicator a little longer than this. */
    public static final Duration INTERVAL = Duration.ofSeconds(2);

    private final Map<String, Long> lastSent = new ConcurrentHashMap<>();

    /** The topic the other side listens on for {@code author}'s typing: customers hear agents and the reverse. */
    public static String topic(String conversationId, Author author) {
        return "typing-" + author.json() + ":" + conversationId;
    }

    /** The live message; no text, no identity beyond the side that types. */
    public static String message(String conversationId, Author author) {
        return "{\"type\":\"typing\",\"conversationId\":\"" + conversationId.replaceAll("[^A-Za-z0-9-]", "")
                + "\",\"author\":\"" + author.json() + "\"}";
    }

    /** True when {@code key} (a socket and conversation) may announce now; false inside its interval. */
    public boolean allow(String key, long nowMillis) {
        boolean[] allowed = {false};
        lastSent.compute(key, (k, last) -> {
            // The pages keep the same interval by their own clock; a quarter of it is left for network jitter, so
            // an announcement sent on time is not dropped for arriving a few milliseconds early.
            if (last == null || nowMillis - last >= INTERVAL.toMillis() * 3 / 4) {
                allowed[0] = true;
                return nowMillis;
            }
            return last;
        });
        return allowed[0];
    }

    /** Forgets a socket's keys when it closes, so the map holds only open sockets. */
    public void forget(String keyPrefix) {
        lastSent.keySet().removeIf(k -> k.startsWith(keyPrefix));
    }
}
