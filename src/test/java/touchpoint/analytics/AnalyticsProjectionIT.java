package touchpoint.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;

/**
 * When a conversation reaches the analytics tables: shortly after it is written, off the customer's request, and
 * again by the reconciler when its rows fall behind its log (a projection lost with a stopped instance). Dashboard
 * reads seeing their own instance's writes at once is covered by every figure test, which reads right after writing.
 */
@MicronautTest(transactional = false)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.analytics.projection-delay", value = "300ms")
class AnalyticsProjectionIT {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AnalyticsProjector projector;

    @Inject
    Repositories.Facts facts;

    @Test
    void should_project_a_written_conversation_shortly_after_without_anyone_reading() {
        String id = conversationWithAQuestion();

        await().atMost(Duration.ofSeconds(10)).until(() -> facts.findById(id)
                .map(f -> f.customerMessages() == 1).orElse(false));
    }

    @Test
    void should_let_the_reconciler_project_a_conversation_again_when_its_rows_are_behind_its_log() {
        String id = conversationWithAQuestion();
        projector.flush();
        facts.deleteById(id);
        assertThat(facts.existsById(id)).isFalse();

        projector.reconcile();

        assertThat(facts.findById(id)).hasValueSatisfying(f -> assertThat(f.customerMessages()).isEqualTo(1));
    }

    private String conversationWithAQuestion() {
        CustomerClient customer = new CustomerClient(http.toBlocking());
        Reply started = customer.start(null);
        String id = started.string("id");
        customer.say(id, started.string("token"), "m1", "How do I return a lamp?");
        return id;
    }
}
