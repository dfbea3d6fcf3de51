package touchpoint.channel.telegram;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import touchpoint.channel.telegram.TelegramTypes.AnswerCallbackQuery;
import touchpoint.channel.telegram.TelegramTypes.DeleteWebhook;
import touchpoint.channel.telegram.TelegramTypes.EditMessageReplyMarkup;
import touchpoint.channel.telegram.TelegramTypes.Message;
import touchpoint.channel.telegram.TelegramTypes.SendMessage;
import touchpoint.channel.telegram.TelegramTypes.SetWebhook;
import touchpoint.channel.telegram.TelegramTypes.User;

/**
 * The Bot API calls this connector makes, as {@code POST <apiBaseUrl>/bot<token>/<method>} with a JSON body.
 *
 * <p>Flood control (429 with {@code retry_after}) is waited out in place up to {@code maxRetryAfter}; server
 * errors and lost connections are tried again with exponential backoff and jitter, up to {@code maxAttempts};
 * what is still failing then is thrown as retryable, for the delivery queue to try later. The token is part of the
 * URL, so URLs are never logged.
 */
@Singleton
class TelegramClient {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramClient.class);
    /** What BotFather issues: the bot's numeric id, a colon, then letters, digits, _ and -. */
    static final Pattern TOKEN = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,100}");
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

    private final TelegramConfig config;
    private final JsonMapper json;
    private final HttpClient http;
    private final Duration backoffBase;

    @Inject
    TelegramClient(TelegramConfig config, JsonMapper json) {
        this(config, json, Duration.ofMillis(250));
    }

    TelegramClient(TelegramConfig config, JsonMapper json, Duration backoffBase) {
        this.config = config;
        this.json = json;
        this.backoffBase = backoffBase;
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The bot behind {@code token}; a revoked or mistyped token fails with 401, not retryable. */
    User getMe(String token) {
        return call(token, "getMe", java.util.Map.of(), Argument.of(User.class));
    }

    void setWebhook(String token, String url, String secretToken) {
        call(token, "setWebhook", new SetWebhook(url, secretToken, ALLOWED_UPDATES, null), Argument.of(Boolean.class));
    }

    void deleteWebhook(String token) {
        call(token, "deleteWebhook", new DeleteWebhook(false), Argument.of(Boolean.class));
    }

    Message sendMessage(String token, SendMessage message) {
        return call(token, "sendMessage", message, Argument.of(Message.class));
    }

    /** Stops the spinner on the pressed button; {@code text} shows briefly at the top of the chat. */
    void answerCallbackQuery(String token, String callbackQueryId, String text) {
        call(token, "answerCallbackQuery", new AnswerCallbackQuery(callbackQueryId, text), Argument.of(Boolean.class));
    }

    /** Takes the buttons off a message once one was chosen, so an old question cannot be answered twice. */
    void removeKeyboard(String token, long chatId, long messageId) {
        call(token, "editMessageReplyMarkup", new EditMessageReplyMarkup(chatId, messageId), Argument.of(JsonNode.class));
    }

    private <T> T call(String token, String method, Object body, Argument<T> resultType) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new TelegramApiException(method, 401, "the bot token is not in BotFather's form", false, null);
        }
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + method + " request", e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(stripSlash(config.apiBaseUrl()) + "/bot" + token + "/" + method))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
        TelegramApiException last = null;
        for (int attempt = 1; attempt <= Math.max(1, config.maxAttempts()); attempt++) {
            if (attempt > 1) {
                pause(last.retryAfter() != null ? last.retryAfter() : backoff(attempt - 1));
            }
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                return result(method, response, resultType);
            } catch (TelegramApiException e) {
                if (!e.retryable()) {
                    throw e;
                }
                if (e.retryAfter() != null && e.retryAfter().compareTo(config.maxRetryAfter()) > 0) {
                    // A long flood wait is the delivery queue's to wait out, not a thread's.
                    throw e;
                }
                last = e;
            } catch (IOException e) {
                last = new TelegramApiException(method, 0, e.getClass().getSimpleName(), true, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TelegramApiException(method, 0, "interrupted", true, null);
            }
            LOG.info("telegram call retrying method={} attempt={} code={}", method, attempt, last.errorCode());
        }
        throw last;
    }

    private <T> T result(String method, HttpResponse<byte[]> response, Argument<T> resultType) throws IOException {
        JsonNode body = null;
        try {
            body = json.readValue(response.body(), JsonNode.class);
        } catch (IOException | RuntimeException e) {
            // Not JSON (a proxy's error page): the HTTP status is all there is to go on.
        }
        if (body != null && body.isObject() && body.get("ok") != null && body.get("ok").getBooleanValue()) {
            JsonNode result = body.get("result");
            return result == null ? null : json.readValueFromTree(result, resultType);
        }
        int code = response.statusCode();
        String description = "HTTP " + code;
        Duration retryAfter = null;
        if (body != null && body.isObject()) {
            if (body.get("error_code") != null && body.get("error_code").isNumber()) {
                code = body.get("error_code").getIntValue();
            }
            if (body.get("description") != null && body.get("description").isString()) {
                description = body.get("description").getStringValue();
            }
            JsonNode parameters = body.get("parameters");
            if (parameters != null && parameters.get("retry_after") != null && parameters.get("retry_after").isNumber()) {
                retryAfter = Duration.ofSeconds(Math.max(0, parameters.get("retry_after").getLongValue()));
            }
        }
        if (code == 429 && retryAfter == null) {
            retryAfter = Duration.ofSeconds(1);
        }
        boolean retryable = code == 429 || code >= 500 || code == 0;
        throw new TelegramApiException(method, code, description, retryable, retryAfter);
    }

    private Duration backoff(int failures) {
        long base = backoffBase.toMillis() << Math.min(failures - 1, 6);
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramApiException("wait", 0, "interrupted", true, null);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
