package touchpoint.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;

/** Signed-in calls for the contact tests: admin and agent tokens, JSON and raw text answers. */
final class Staff {

    static final String ADMIN_PASSWORD = "contacts-admin-password-1";

    private final BlockingHttpClient http;
    private final CustomerClient raw;

    Staff(BlockingHttpClient http) {
        this.http = http;
        this.raw = new CustomerClient(http);
    }

    String adminToken() {
        Reply r = raw.exchange(HttpRequest.POST("/login", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")
                .contentType(MediaType.APPLICATION_JSON));
        assertThat(r.status()).isEqualTo(200);
        return r.string("access_token");
    }

    Reply get(String path, String token) {
        return raw.exchange(auth(HttpRequest.GET(path), token));
    }

    Reply delete(String path, String token) {
        return raw.exchange(auth(HttpRequest.DELETE(path), token));
    }

    Reply put(String path, String token, String json) {
        return raw.exchange(auth(HttpRequest.PUT(path, json).contentType(MediaType.APPLICATION_JSON), token));
    }

    Reply post(String path, String token, String json) {
        return raw.exchange(auth(HttpRequest.POST(path, json).contentType(MediaType.APPLICATION_JSON), token));
    }

    /** The body as text, whatever its type (CSV, JSON); the status code for a refusal. */
    String text(String path, String token) {
        try {
            return http.retrieve(auth(HttpRequest.GET(path), token), String.class);
        } catch (HttpClientResponseException e) {
            return "HTTP " + e.getStatus().getCode();
        }
    }

    private static <B> MutableHttpRequest<B> auth(MutableHttpRequest<B> request, String token) {
        return request.bearerAuth(token);
    }
}
