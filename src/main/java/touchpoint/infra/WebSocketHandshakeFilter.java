package touchpoint.infra;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Base64;

/**
 * Refuses WebSocket upgrades that are not RFC 6455 handshakes before the server attempts them. Found by the
 * hostile-input bench: an upgrade without {@code Sec-WebSocket-Version} falls through to the pre-standard
 * handshake, which throws inside the server; nothing is answered, the connection stays open until it times out
 * and every attempt logs a stack trace at ERROR — cheap for an attacker to repeat.
 */
@ServerFilter("/ws/**")
class WebSocketHandshakeFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<Problem> check(HttpRequest<?> request) {
        String upgrade = request.getHeaders().get(HttpHeaders.UPGRADE);
        if (upgrade == null) {
            return null;
        }
        if (!"13".equals(request.getHeaders().get("Sec-WebSocket-Version"))) {
            return HttpResponse.<Problem>status(HttpStatus.UPGRADE_REQUIRED)
                    .header("Sec-WebSocket-Version", "13")
                    .contentType(Problem.MEDIA_TYPE)
                    .body(new Problem("about:blank", "Upgrade Required", 426, "Only WebSocket version 13 is supported", null, null));
        }
        if (!"websocket".equalsIgnoreCase(upgrade.strip()) || !validKey(request.getHeaders().get("Sec-WebSocket-Key"))) {
            return HttpResponse.<Problem>badRequest(new Problem("about:blank", "Bad Request", 400,
                    "Not a valid WebSocket handshake", null, null)).contentType(Problem.MEDIA_TYPE);
        }
        return null;
    }

    /** RFC 6455: the key is 16 random bytes, base64-encoded. */
    static boolean validKey(String key) {
        if (key == null || key.length() != 24) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
