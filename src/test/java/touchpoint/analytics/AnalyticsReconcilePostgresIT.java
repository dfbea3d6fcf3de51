package touchpoint.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import touchpoint.testing.CustomerClient;
import touchpoint.testing.CustomerClient.Reply;
import touchpoint.testing.EmbeddedInfra;

/** The reconciler's query (native SQL: a join of the transcript's and the analytics' tables) on a real PostgreSQL. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.analytics.projection-delay", value = "1h")
class AnalyticsReconcilePostgresIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AnalyticsProjector projector;

    @Inject
    Repositories.Facts facts;

    @Override
    public Map<String, String> getProperties() {
        // PostgreSQL only: the in-process live bus is enough here, so no Redis.
        return EmbeddedInfra.postgresOnly(EmbeddedInfra.newDatabaseUrl());
    }

    @Test
    void conversations_written_but_not_projected_are_found_and_projected_by_the_reconciler() {
        CustomerClient customer = new CustomerClient(http.toBlocking());
        Reply started = customer.start(null);
        String id = started.string("id");
        customer.say(id, started.string("token"), "m1", "How do I return a lamp?");
        // The projection is an hour away, as if the instance that took the write had stopped before it ran.
        assertThat(facts.existsById(id)).isFalse();

        projector.reconcile();

        assertThat(facts.findById(id)).hasValueSatisfying(f -> assertThat(f.customerMessages()).isEqualTo(1));
    }
}
