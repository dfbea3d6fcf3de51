package touchpoint.admin;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Calls the admin API as a given user, with a JWT minted by the service's own generator. */
final class AdminClient {

    private final BlockingHttpClient http;
    private final JsonMapper json;
    private final String token;

    AdminClient(BlockingHttpClient http, JsonMapper json, JwtTokenGenerator tokens, String user, String... roles) {
        this.http = http;
        this.json = json;
        this.token = user == null ? null : tokens.generateToken(Authentication.build(user, List.of(roles)), 3600)
                .orElseThrow();
    }

    /** Status and the body parsed as JSON ({@code Map}, {@code List}) or the raw bytes when it is not JSON. */
    record Reply(int status, Object body, byte[] bytes) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) body;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(String key) {
            return (List<Map<String, Object>>) map().get(key);
        }

        Object get(String key) {
            return map().get(key);
        }
    }

    Reply get(String path) {
        return exchange(HttpRequest.GET(path));
    }

    Reply post(String path, String body) {
        return exchange(HttpRequest.POST(path, body == null ? "" : body).contentType(MediaType.APPLICATION_JSON));
    }

    Reply put(String path, String body) {
        return exchange(HttpRequest.PUT(path, body).contentType(MediaType.APPLICATION_JSON));
    }

    Reply delete(String path) {
        return exchange(HttpRequest.DELETE(path));
    }

    Reply upload(String path, byte[] zip) {
        return exchange(HttpRequest.POST(path, zip).contentType("application/zip"));
    }

    Reply exchange(MutableHttpRequest<?> request) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            HttpResponse<byte[]> r = http.exchange(request, Argument.of(byte[].class));
            return reply(r.code(), r.getBody().orElse(new byte[0]));
        } catch (HttpClientResponseException e) {
            return reply(e.getStatus().getCode(), e.getResponse().getBody(byte[].class).orElse(new byte[0]));
        }
    }

    private Reply reply(int status, byte[] bytes) {
        Object body = null;
        if (bytes.length > 0 && (bytes[0] == '{' || bytes[0] == '[')) {
            try {
                body = json.readValue(bytes, Object.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Reply(status, body, bytes);
    }

    /** A minimal FAQ JSON body. */
    static String faqJson(String id, String title, String question, String body) {
        return "{" + (id == null ? "" : "\"id\":" + q(id) + ",") + "\"title\":" + q(title) + ",\"questions\":[" + q(question)
                + "],\"tags\":[\"test\"],\"team\":\"support\",\"body\":" + q(body) + "}";
    }

    static String q(String s) {
        return touchpoint.testing.CustomerClient.quote(s);
    }
}
