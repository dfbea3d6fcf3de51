package touchpoint.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.List;
import java.util.Map;

/** Talks to the customer API the way the widget does, returning raw status and JSON maps. */
public final class CustomerClient {

    private final BlockingHttpClient http;

    public CustomerClient(BlockingHttpClient http) {
        this.http = http;
    }

    public record Reply(int status, Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list(String key) {
            return (List<Map<String, Object>>) body.get(key);
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> map(String key) {
            return (Map<String, Object>) body.get(key);
        }

        public String string(String key) {
            return (String) body.get(key);
        }
    }

    public Reply start(String json) {
        return exchange(HttpRequest.POST("/api/conversations", json == null ? "{}" : json).contentType(MediaType.APPLICATION_JSON));
    }

    public Reply send(String id, String token, String json) {
        return exchange(HttpRequest.POST("/api/conversations/" + id + "/messages", json)
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(token));
    }

    public Reply say(String id, String token, String clientMessageId, String text) {
        return send(id, token, "{\"clientMessageId\":\"" + clientMessageId + "\",\"text\":" + quote(text) + "}");
    }

    public Reply messages(String id, String token, long after) {
        var request = HttpRequest.GET("/api/conversations/" + id + "/messages?after=" + after);
        return exchange(token == null ? request : request.bearerAuth(token));
    }

    public Reply exchange(HttpRequest<?> request) {
        try {
            HttpResponse<Map<String, Object>> r = http.exchange(request, Argument.mapOf(String.class, Object.class));
            return new Reply(r.code(), r.body());
        } catch (HttpClientResponseException e) {
            Map<String, Object> body = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElse(Map.of());
            return new Reply(e.getStatus().getCode(), body);
        }
    }

    public static String quote(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
