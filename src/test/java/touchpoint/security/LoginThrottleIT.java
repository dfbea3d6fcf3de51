package touchpoint.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.Tokens;

/**
 * Password guessing on {@code POST /login} is throttled per user name and per address; every test shares the
 * loopback address, so each gets a fresh context (and so fresh counts).
 */
@MicronautTest(rebuildContext = true)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.admin-password", value = LoginThrottleIT.PASSWORD)
@Property(name = "touchpoint.login.first-lockout", value = "1s")
class LoginThrottleIT {

    static final String PASSWORD = "throttle-test-admin-password";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JwtTokenGenerator generator;

    @Test
    void should_answer_429_to_brute_force_before_ten_tries() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(login("admin", "guess-" + i).status());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(5, 10)).containsOnly(429);
    }

    @Test
    void should_answer_429_with_a_problem_and_retry_after_even_to_the_right_password() {
        for (int i = 0; i < 5; i++) {
            login("admin", "guess-" + i);
        }

        HttpClientResponseException refused = refusal("admin", PASSWORD);

        assertThat(refused.getStatus().getCode()).isEqualTo(429);
        assertThat(refused.getResponse().getHeaders().get("Retry-After")).matches("[1-9][0-9]*");
        assertThat(refused.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
    }

    @Test
    void should_accept_the_right_password_after_the_lockout() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            login("admin", "guess-" + i);
        }
        long retryAfter = Long.parseLong(refusal("admin", PASSWORD).getResponse().getHeaders().get("Retry-After"));

        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis() + 100);

        assertThat(login("admin", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void should_forgive_earlier_failures_after_a_successful_sign_in() {
        for (int i = 0; i < 4; i++) {
            login("admin", "guess-" + i);
        }
        assertThat(login("admin", PASSWORD).status()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            assertThat(login("admin", "again-" + i).status()).isEqualTo(401);
        }
    }

    @Test
    void should_throttle_one_address_trying_many_user_names() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            statuses.add(login("user-" + i, "guess").status());
        }

        assertThat(statuses.subList(0, 20)).containsOnly(401);
        assertThat(statuses.subList(20, 22)).containsOnly(429);
    }

    @Test
    void should_record_failed_sign_ins_in_the_audit_log() {
        for (int i = 0; i < 3; i++) {
            login("admin", "guess-" + i);
        }
        String adminToken = new Tokens(generator).admin();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String audit = http.toBlocking().retrieve(HttpRequest.GET("/api/admin/audit?target=user:admin").bearerAuth(adminToken));
            assertThat(audit.split("\"login.failed\"", -1)).hasSize(4);
            assertThat(audit).contains("3 failed in a row").doesNotContain("guess-");
        });
    }

    private CustomerClient.Reply login(String username, String password) {
        return new CustomerClient(http.toBlocking()).exchange(HttpRequest.POST("/login", "{\"username\":" + CustomerClient.quote(username)
                + ",\"password\":" + CustomerClient.quote(password) + "}").contentType(MediaType.APPLICATION_JSON));
    }

    private HttpClientResponseException refusal(String username, String password) {
        try {
            http.toBlocking().exchange(HttpRequest.POST("/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                    .contentType(MediaType.APPLICATION_JSON), String.class);
            throw new AssertionError("sign-in was not refused");
        } catch (HttpClientResponseException e) {
            return e;
        }
    }
}
