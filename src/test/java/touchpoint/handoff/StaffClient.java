package touchpoint.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.MutableHttpRequest;
import java.util.List;
import java.util.Map;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;

/** Talks to the login, agent and admin APIs the way the agent console does. */
final class StaffClient {

    static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private final CustomerClient raw;
    private final BlockingHttpClient http;

    StaffClient(BlockingHttpClient http) {
        this.raw = new CustomerClient(http);
        this.http = http;
    }

    Reply login(String username, String password) {
        return raw.exchange(HttpRequest.POST("/login", "{\"username\":" + CustomerClient.quote(username) + ",\"password\":"
                + CustomerClient.quote(password) + "}").contentType(MediaType.APPLICATION_JSON));
    }

    String token(String username, String password) {
        Reply r = login(username, password);
        assertThat(r.status()).as("login of %s", username).isEqualTo(200);
        return r.string("access_token");
    }

    String adminToken() {
        return token("admin", ADMIN_PASSWORD);
    }

    /** Creates an agent and returns its id. */
    String createAgent(String adminToken, String username, List<String> teams) {
        String teamsJson = teams.stream().map(CustomerClient::quote).reduce((a, b) -> a + "," + b).orElse("");
        Reply r = post("/api/admin/users", adminToken, "{\"username\":\"" + username + "\",\"password\":\"" + username
                + "-password-1\",\"displayName\":\"" + Character.toUpperCase(username.charAt(0)) + username.substring(1)
                + "\",\"roles\":[\"AGENT\"],\"teams\":[" + teamsJson + "]}");
        assertThat(r.status()).as("create %s: %s", username, r.body()).isEqualTo(201);
        return r.string("id");
    }

    String agentToken(String adminToken, String username, List<String> teams) {
        createAgent(adminToken, username, teams);
        return token(username, username + "-password-1");
    }

    Reply online(String token) {
        return put("/api/agent/presence", token, "{\"status\":\"online\"}");
    }

    Reply get(String path, String token) {
        return raw.exchange(auth(HttpRequest.GET(path), token));
    }

    /** For endpoints that answer with a JSON array. */
    int status(String path, String token) {
        try {
            return http.exchange(auth(HttpRequest.GET(path), token), String.class).code();
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    Reply post(String path, String token, String json) {
        return raw.exchange(auth(HttpRequest.POST(path, json == null ? "" : json).contentType(MediaType.APPLICATION_JSON), token));
    }

    Reply put(String path, String token, String json) {
        return raw.exchange(auth(HttpRequest.PUT(path, json).contentType(MediaType.APPLICATION_JSON), token));
    }

    Reply claim(String token, String conversationId) {
        return post("/api/agent/conversations/" + conversationId + "/claim", token, null);
    }

    Reply reply(String token, String conversationId, String text) {
        return post("/api/agent/conversations/" + conversationId + "/messages", token, "{\"text\":" + CustomerClient.quote(text) + "}");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> waiting(String token) {
        return (List<Map<String, Object>>) get("/api/agent/queue", token).body().get("waiting");
    }

    private static <B> MutableHttpRequest<B> auth(MutableHttpRequest<B> request, String token) {
        return token == null ? request : request.bearerAuth(token);
    }
}
