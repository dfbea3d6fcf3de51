package touchpoint.channel.telegram;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * A Bot API call that did not succeed. {@code retryable} calls failed for a reason that passes (flood control,
 * a server error, no connection) and are delivered again later; the others (a revoked token, a chat that blocked
 * the bot, a malformed request) would fail the same way again.
 */
class TelegramApiException extends RuntimeException {

    private final String method;
    private final int errorCode;
    private final boolean retryable;
    private final Duration retryAfter;

    TelegramApiException(String method, int errorCode, String description, boolean retryable, @Nullable Duration retryAfter) {
        super(method + " failed: " + errorCode + " " + description);
        this.method = method;
        this.errorCode = errorCode;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    String method() {
        return method;
    }

    /** The Bot API's {@code error_code}, or the HTTP status; 0 when no answer arrived. */
    int errorCode() {
        return errorCode;
    }

    boolean retryable() {
        return retryable;
    }

    /** How long Telegram asked to wait before the next call ({@code parameters.retry_after}), if it did. */
    @Nullable
    Duration retryAfter() {
        return retryAfter;
    }
}
