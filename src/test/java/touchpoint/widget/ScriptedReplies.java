package touchpoint.widget;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the service's send endpoint inside the browser, so the widget can be shown message kinds that
 * features built elsewhere (hand-off, surveys) will produce, exactly as the documented message JSON describes.
 * Each customer message is answered with the next queued batch of replies; what the widget sent is recorded.
 */
final class ScriptedReplies {

    private static final Pattern CLIENT_ID = Pattern.compile("\"clientMessageId\":\"([^\"]+)\"");
    private static final Pattern TEXT = Pattern.compile("\"text\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Deque<String[]> batches = new ArrayDeque<>();
    final List<String> sentTexts = new CopyOnWriteArrayList<>();
    private long seq;

    /** Starts answering after the real greeting, whose last seq is {@code lastSeq}. */
    ScriptedReplies(Page page, long lastSeq) {
        this.seq = lastSeq;
        page.route(Pattern.compile(".*/api/conversations/[^/]+/messages$"), this::answer);
    }

    /** Replies for the next customer message: JSON objects without seq, which is assigned here. */
    ScriptedReplies then(String... replies) {
        batches.add(replies);
        return this;
    }

    private synchronized void answer(Route route) {
        String body = route.request().postData();
        Matcher id = CLIENT_ID.matcher(body);
        Matcher text = TEXT.matcher(body);
        String clientId = id.find() ? id.group(1) : "none";
        String said = text.find() ? text.group(1) : "";
        sentTexts.add(said);
        StringBuilder json = new StringBuilder("{\"accepted\":")
                .append(message("{\"author\":\"customer\",\"kind\":\"text\",\"type\":\"CUSTOMER_ASKED\",\"text\":\"" + said
                        + "\",\"clientMessageId\":\"" + clientId + "\"}"))
                .append(",\"replies\":[");
        String[] replies = batches.isEmpty() ? new String[0] : batches.poll();
        for (int i = 0; i < replies.length; i++) {
            json.append(i == 0 ? "" : ",").append(message(replies[i]));
        }
        route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json").setBody(json.append("]}").toString()));
    }

    private String message(String json) {
        seq++;
        return "{\"seq\":" + seq + ",\"id\":\"scripted-" + seq + "\",\"createdAt\":\"2026-01-01T00:00:00Z\"," + json.substring(1);
    }
}
