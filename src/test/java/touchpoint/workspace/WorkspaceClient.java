package touchpoint.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** HTTP as the widget and the console speak it, including multipart uploads. */
public final class WorkspaceClient {

    static final String ADMIN_PASSWORD = "workspace-admin-password-1";

    public record Answer(int status, String body, java.net.http.HttpHeaders headers, byte[] bytes) {
        Map<String, Object> json(JsonMapper mapper) {
            try {
                return mapper.readValue(body, io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final JsonMapper json;

    public WorkspaceClient(String base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    Map<String, Object> startConversation() {
        Answer a = send("POST", "/api/conversations", null, "{}");
        assertThat(a.status()).isEqualTo(201);
        return a.json(json);
    }

    String login(String username, String password) {
        Answer a = send("POST", "/login", null, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(a.status()).as("login %s", username).isEqualTo(200);
        return (String) a.json(json).get("access_token");
    }

    /** Creates an agent of team support and signs them in. */
    String agent(String admin, String username) {
        Answer a = send("POST", "/api/admin/users", admin, "{\"username\":\"" + username + "\",\"password\":\"" + username
                + "-password-1\",\"displayName\":\"" + username + "\",\"roles\":[\"AGENT\"],\"teams\":[\"support\"]}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return login(username, username + "-password-1");
    }

    Answer send(String method, String path, String bearer, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return exchange(b.build());
    }

    public Answer get(String path, String bearer) {
        return send("GET", path, bearer, null);
    }

    public Answer upload(String path, String bearer, String filename, String claimedType, byte[] content) {
        String boundary = "----tp" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + claimedType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return exchange(b.build());
    }

    private Answer exchange(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }

    /** A real 1×1 PNG. */
    public static byte[] png() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    }

    /** The start of a Windows executable: "MZ", the DOS stub, and the PE header it points to. */
    static byte[] executable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4e, stub.length);
        return exe;
    }
}
