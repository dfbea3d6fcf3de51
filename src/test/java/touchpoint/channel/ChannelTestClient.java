package touchpoint.channel;

import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Calls the service over HTTP as an admin (a JWT from the service's own generator) or with a channel's API key. */
public final class ChannelTestClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final JsonMapper json;
    private final String adminToken;

    public ChannelTestClient(String base, JsonMapper json, JwtTokenGenerator tokens) {
        this.base = base;
        this.json = json;
        this.adminToken = tokens.generateToken(Authentication.build("channel-admin", List.of("ADMIN")), 3600).orElseThrow();
    }

    /** Status, raw body and the body parsed as a JSON object or list. */
    public record Reply(int status, String raw, Object body) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) body;
        }

        public Object get(String key) {
            return map().get(key);
        }
    }

    public Reply admin(String method, String path, String body) {
        return send(method, path, "Bearer " + adminToken, body);
    }

    public Reply send(String method, String path, String authorization, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Object parsed = r.body().isBlank() ? null : json.readValue(r.body(), Object.class);
            return new Reply(r.statusCode(), r.body(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates an API channel delivering to {@code webhookUrl}; the reply holds the once-shown apiKey and webhookSecret. */
    public Reply createApiChannel(String name, String webhookUrl) {
        return admin("POST", "/api/admin/channels", "{\"type\":\"api\",\"name\":\"" + name + "\",\"webhookUrl\":\"" + webhookUrl + "\"}");
    }

    public Reply sendApiMessage(String channelId, String apiKey, String externalConversationId, String clientMessageId, String text) {
        return send("POST", "/api/channels/" + channelId + "/messages", "Bearer " + apiKey,
                "{\"externalConversationId\":\"" + externalConversationId + "\",\"clientMessageId\":\"" + clientMessageId
                        + "\",\"text\":\"" + text + "\",\"contact\":{\"externalId\":\"cust-1\",\"name\":\"Ann\"}}");
    }
}
