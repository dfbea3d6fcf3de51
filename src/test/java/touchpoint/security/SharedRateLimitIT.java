package touchpoint.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import touchpoint.testing.TwoInstances;

/** Two instances on one Redis draw on one budget per client address: a balancer does not multiply the limit. */
class SharedRateLimitIT {

    private static final int PER_MINUTE = 12;

    static TwoInstances instances;
    static HttpClient httpA;
    static HttpClient httpB;

    @BeforeAll
    static void startTwoInstances() {
        // Other tests share this Redis and this client address: a header of our own gives this test its own budget.
        instances = TwoInstances.start(Map.of("touchpoint.ratelimit.per-ip-per-minute", PER_MINUTE,
                "touchpoint.ratelimit.client-address-header", "X-Test-Client"));
        httpA = instances.httpA;
        httpB = instances.httpB;
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void should_share_one_budget_between_two_instances() {
        String client = "shared-" + System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < PER_MINUTE + 4; i++) {
            statuses.add(status(i % 2 == 0 ? httpA : httpB, client));
        }

        assertThat(statuses.subList(0, PER_MINUTE)).containsOnly(200);
        assertThat(statuses.subList(PER_MINUTE, PER_MINUTE + 4)).containsOnly(429);
    }

    @Test
    void should_keep_two_clients_budgets_apart() {
        String spender = "spender-" + System.nanoTime();
        for (int i = 0; i < PER_MINUTE + 1; i++) {
            status(httpA, spender);
        }

        assertThat(status(httpB, spender)).isEqualTo(429);
        assertThat(status(httpB, "other-" + System.nanoTime())).isEqualTo(200);
    }

    private static int status(HttpClient http, String client) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET("/api/help/articles").header("X-Test-Client", client), String.class)
                    .getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
