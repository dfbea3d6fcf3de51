package touchpoint.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;

/**
 * The limits, tightened so a test reaches them: every test here shares one client address (loopback), so
 * the per-address budget is reset by a fresh application context per test method.
 */
@MicronautTest(rebuildContext = true)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.ratelimit.per-ip-per-minute", value = "20")
@Property(name = "touchpoint.ratelimit.per-conversation-per-minute", value = "5")
class RateLimitIT {

    @Inject
    @Client("/")
    HttpClient http;

    CustomerClient customer;

    @BeforeEach
    void setUp() {
        customer = new CustomerClient(http.toBlocking());
    }

    @Test
    void should_answer_429_when_one_conversation_exceeds_its_rate() {
        Reply c = customer.start(null);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            statuses.add(customer.say(c.string("id"), c.string("token"), "m" + i, "return policy " + i).status());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses.subList(5, 7)).containsOnly(429);
    }

    @Test
    void should_answer_429_with_a_problem_and_retry_after() {
        Reply c = customer.start(null);
        for (int i = 0; i < 5; i++) {
            customer.say(c.string("id"), c.string("token"), "m" + i, "hello");
        }

        var request = HttpRequest.POST("/api/conversations/" + c.string("id") + "/messages",
                "{\"clientMessageId\":\"x\",\"text\":\"hi\"}").bearerAuth(c.string("token"));
        HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request, String.class));

        assertThat(refused.getStatus().getCode()).isEqualTo(429);
        assertThat(refused.getResponse().getHeaders().get("Retry-After")).matches("[1-9][0-9]*");
        assertThat(refused.getResponse().getContentType()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
        assertThat(refused.getResponse().getBody(String.class)).hasValueSatisfying(b -> assertThat(b).contains("\"status\":429"));
    }

    @Test
    void should_keep_one_conversations_budget_apart_from_another() {
        Reply first = customer.start(null);
        Reply second = customer.start(null);
        for (int i = 0; i < 5; i++) {
            customer.say(first.string("id"), first.string("token"), "m" + i, "hello");
        }

        assertThat(customer.say(first.string("id"), first.string("token"), "late", "hello").status()).isEqualTo(429);
        assertThat(customer.say(second.string("id"), second.string("token"), "m1", "hello").status()).isEqualTo(200);
    }

    @Test
    void should_not_let_a_wrong_token_spend_the_customers_budget() {
        Reply c = customer.start(null);
        for (int i = 0; i < 6; i++) {
            customer.say(c.string("id"), "guessed-token", "m" + i, "hello");
        }

        assertThat(customer.say(c.string("id"), c.string("token"), "mine", "hello").status()).isEqualTo(200);
    }

    @Test
    void should_answer_429_when_one_ip_exceeds_its_rate() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            statuses.add(customer.start(null).status());
        }

        assertThat(statuses.subList(0, 20)).containsOnly(201);
        assertThat(statuses.subList(20, 25)).containsOnly(429);
    }
}
