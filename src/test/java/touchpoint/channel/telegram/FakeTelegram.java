package touchpoint.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Bot API methods Touchpoint calls, served on 127.0.0.1 the way https://core.telegram.org/bots/api documents
 * them: {@code POST /bot<token>/<method>} with a JSON body, answered {@code {"ok":true,"result":...}} or
 * {@code {"ok":false,"error_code":...,"description":...,"parameters":{"retry_after":...}}}. It records every call,
 * checks what Telegram checks (the token, {@code parse_mode=HTML} markup with only the supported tags, the
 * 4096-character limit after entity parsing, {@code callback_data} of 1-64 bytes), can be told to fail the next
 * calls of a method with 429 or 500, and delivers updates to the registered webhook with its secret token, as
 * Telegram does.
 */
public final class FakeTelegram implements AutoCloseable {

    record Call(String token, String method, JsonNode body) {
    }

    private record Failure(int status, Integer retryAfter) {
    }

    private static final Pattern PATH = Pattern.compile("/bot([^/]+)/([A-Za-z]+)");
    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
            "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z-]+)((?:\\s+[a-z-]+(?:=\"[^\"<>]*\")?)*)\\s*>");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final Map<String, String> bots = new ConcurrentHashMap<>();
    private final Map<JsonNode, Long> sentMessageIds = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private final AtomicLong messageIds = new AtomicLong(100);
    private final AtomicLong updateIds = new AtomicLong(700_000);
    private record Webhook(String url, String secret) {
    }

    private final Map<String, Webhook> webhooks = new ConcurrentHashMap<>();

    public FakeTelegram() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A bot Telegram knows: getMe answers for its token, every other token gets 401. */
    public FakeTelegram bot(String token, String username) {
        bots.put(token, username);
        return this;
    }

    /** The next {@code times} calls of {@code method} answer {@code status}; 429 carries {@code retryAfter} seconds. */
    void fail(String method, int times, int status, Integer retryAfter) {
        Deque<Failure> queue = failures.computeIfAbsent(method, m -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(new Failure(status, retryAfter));
            }
        }
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    void clear() {
        calls.clear();
    }

    /** The webhook URL registered for the bot with this token; null when none is. */
    public String webhookUrl(String token) {
        Webhook w = webhooks.get(token);
        return w == null ? null : w.url();
    }

    public String webhookSecret(String token) {
        Webhook w = webhooks.get(token);
        return w == null ? null : w.secret();
    }

    public long nextUpdateId() {
        return updateIds.incrementAndGet();
    }

    /** POSTs an update to the bot's webhook as Telegram would, with the registered secret token; returns the HTTP status. */
    public int deliver(String token, String updateJson) {
        return deliver(token, updateJson, webhookSecret(token));
    }

    public int deliver(String token, String updateJson, String secretToken) {
        String url = webhookUrl(token);
        if (url == null) {
            throw new IllegalStateException("no webhook is set for this bot");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(updateJson));
        if (secretToken != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secretToken);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A private-chat text message from user {@code userId}, as an update. */
    public String textUpdate(long updateId, long userId, String text) {
        ObjectNode update = json.createObjectNode().put("update_id", updateId);
        ObjectNode message = update.putObject("message").put("message_id", messageIds.incrementAndGet()).put("date", 1_700_000_000L);
        message.set("from", user(userId));
        message.putObject("chat").put("id", userId).put("type", "private");
        message.put("text", text);
        return update.toString();
    }

    /** A photo without caption: a message with no text. */
    public String photoUpdate(long updateId, long userId) {
        ObjectNode update = json.createObjectNode().put("update_id", updateId);
        ObjectNode message = update.putObject("message").put("message_id", messageIds.incrementAndGet()).put("date", 1_700_000_000L);
        message.set("from", user(userId));
        message.putObject("chat").put("id", userId).put("type", "private");
        message.putArray("photo").addObject().put("file_id", "AgAD").put("file_unique_id", "x").put("width", 90).put("height", 90);
        return update.toString();
    }

    /** The user pressed the button with {@code data} on the bot's message {@code messageId}. */
    public String callbackUpdate(long updateId, long userId, long messageId, String data) {
        ObjectNode update = json.createObjectNode().put("update_id", updateId);
        ObjectNode query = update.putObject("callback_query").put("id", "cq" + updateId).put("chat_instance", "ci" + userId);
        query.set("from", user(userId));
        ObjectNode message = query.putObject("message").put("message_id", messageId).put("date", 1_700_000_000L);
        message.putObject("chat").put("id", userId).put("type", "private");
        query.put("data", data);
        return update.toString();
    }

    private ObjectNode user(long userId) {
        return json.createObjectNode().put("id", userId).put("is_bot", false).put("first_name", "Ada").put("last_name", "Lovelace")
                .put("language_code", "en");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            if (!m.matches() || !"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 404, error(404, "Not Found", null));
                return;
            }
            String token = m.group(1);
            String method = m.group(2);
            JsonNode body;
            try {
                byte[] bytes = exchange.getRequestBody().readAllBytes();
                body = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
            } catch (IOException e) {
                answer(exchange, 400, error(400, "Bad Request: invalid JSON", null));
                return;
            }
            calls.add(new Call(token, method, body));
            Failure failure = nextFailure(method);
            if (failure != null) {
                answer(exchange, failure.status(), error(failure.status(),
                        failure.status() == 429 ? "Too Many Requests: retry after " + failure.retryAfter() : "Internal Server Error",
                        failure.retryAfter()));
                return;
            }
            if (!bots.containsKey(token)) {
                answer(exchange, 401, error(401, "Unauthorized", null));
                return;
            }
            ObjectNode ok = json.createObjectNode().put("ok", true);
            switch (method) {
                case "getMe" -> ok.putObject("result").put("id", Long.parseLong(token.split(":")[0])).put("is_bot", true)
                        .put("first_name", "Shop").put("username", bots.get(token));
                case "setWebhook" -> {
                    String problem = setWebhook(token, body);
                    if (problem != null) {
                        answer(exchange, 400, error(400, "Bad Request: " + problem, null));
                        return;
                    }
                    ok.put("result", true);
                }
                case "deleteWebhook" -> {
                    webhooks.remove(token);
                    ok.put("result", true);
                }
                case "sendMessage" -> {
                    String problem = checkSendMessage(body);
                    if (problem != null) {
                        answer(exchange, 400, error(400, "Bad Request: " + problem, null));
                        return;
                    }
                    long messageId = messageIds.incrementAndGet();
                    sentMessageIds.put(body, messageId);
                    ObjectNode result = ok.putObject("result").put("message_id", messageId).put("date", 1_700_000_000L);
                    result.putObject("chat").put("id", body.path("chat_id").asLong()).put("type", "private");
                    result.put("text", visibleText(body.path("text").asText()));
                }
                case "answerCallbackQuery" -> {
                    if (!body.hasNonNull("callback_query_id")) {
                        answer(exchange, 400, error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid", null));
                        return;
                    }
                    ok.put("result", true);
                }
                case "editMessageReplyMarkup" -> {
                    if (!body.hasNonNull("chat_id") || !body.hasNonNull("message_id")) {
                        answer(exchange, 400, error(400, "Bad Request: message to edit not found", null));
                        return;
                    }
                    ok.put("result", true);
                }
                default -> {
                    answer(exchange, 404, error(404, "Not Found: method not found", null));
                    return;
                }
            }
            answer(exchange, 200, ok);
        }
    }

    private String setWebhook(String token, JsonNode body) {
        String url = body.path("url").asText("");
        String secret = body.path("secret_token").asText(null);
        if (secret != null && !secret.matches("[A-Za-z0-9_-]{1,256}")) {
            return "secret token contains unallowed characters";
        }
        if (url.isEmpty()) {
            webhooks.remove(token);
        } else {
            webhooks.put(token, new Webhook(url, secret));
        }
        return null;
    }

    private String checkSendMessage(JsonNode body) {
        if (!body.path("chat_id").canConvertToLong()) {
            return "chat not found";
        }
        String text = body.path("text").asText("");
        if ("HTML".equals(body.path("parse_mode").asText(null))) {
            String problem = checkHtml(text);
            if (problem != null) {
                return "can't parse entities: " + problem;
            }
            text = visibleText(text);
        }
        if (text.isBlank()) {
            return "message text is empty";
        }
        if (text.length() > 4096) {
            return "message is too long";
        }
        JsonNode keyboard = body.path("reply_markup").path("inline_keyboard");
        if (!keyboard.isMissingNode()) {
            if (!keyboard.isArray()) {
                return "field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array";
            }
            for (JsonNode row : (ArrayNode) keyboard) {
                for (JsonNode button : row) {
                    int bytes = button.path("callback_data").asText("").getBytes(StandardCharsets.UTF_8).length;
                    if (bytes < 1 || bytes > 64) {
                        return "BUTTON_DATA_INVALID";
                    }
                    if (button.path("text").asText("").isEmpty()) {
                        return "text buttons are unallowed in the inline keyboard";
                    }
                }
            }
        }
        return null;
    }

    /** Only the documented tags, properly nested; every other {@code <} and {@code &} must be an entity. */
    static String checkHtml(String html) {
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher m = TAG.matcher(html);
                m.region(i, html.length());
                if (!m.lookingAt()) {
                    return "unsupported start tag at byte offset " + i;
                }
                String name = m.group(2);
                if (!TAGS.contains(name)) {
                    return "unsupported start tag \"" + name + "\"";
                }
                if (m.group(1).isEmpty()) {
                    open.push(name);
                } else if (open.isEmpty() || !open.pop().equals(name)) {
                    return "unmatched end tag \"" + name + "\"";
                }
                i = m.end();
            } else if (c == '&') {
                int end = html.indexOf(';', i);
                String entity = end < 0 ? "" : html.substring(i, end + 1);
                if (!entity.matches("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")) {
                    return "unsupported entity at offset " + i;
                }
                i = end + 1;
            } else if (c == '>') {
                return "unescaped > at offset " + i;
            } else {
                i++;
            }
        }
        return open.isEmpty() ? null : "unclosed tag \"" + open.peek() + "\"";
    }

    /** What the user sees: tags removed, entities decoded. */
    static String visibleText(String html) {
        return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private Failure nextFailure(String method) {
        Deque<Failure> queue = failures.get(method);
        if (queue == null) {
            return null;
        }
        synchronized (queue) {
            return queue.poll();
        }
    }

    private ObjectNode error(int code, String description, Integer retryAfter) {
        ObjectNode error = json.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
        if (retryAfter != null) {
            error.putObject("parameters").put("retry_after", retryAfter);
        }
        return error;
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The sendMessage calls to one chat, in order. */
    List<JsonNode> sentTo(long chatId) {
        List<JsonNode> sent = new ArrayList<>();
        for (Call call : calls("sendMessage")) {
            if (call.body().path("chat_id").asLong() == chatId) {
                sent.add(call.body());
            }
        }
        return sent;
    }

    /** What the user of one chat has read, message by message. */
    List<String> textsTo(long chatId) {
        return sentTo(chatId).stream().map(b -> visibleText(b.path("text").asText())).toList();
    }

    /** The message id Telegram gave a sent message, as a callback on its buttons carries it. */
    long messageIdOf(JsonNode sentBody) {
        return sentMessageIds.getOrDefault(sentBody, -1L);
    }
}
