package touchpoint.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        // PostgreSQL only: the in-process live bus is enough here, so no Redis.
        return EmbeddedInfra.postgresOnly(EmbeddedInfra.newDatabaseUrl());
    }

    @Test
    void should_let_the_reconciler_find_and_project_conversations_that_were_written_but_not_projected() {
        CustomerClient customer = new CustomerClient(http.toBlocking());
        Reply started = customer.start(null);
        String id = started.string("id");
        customer.say(id, started.string("token"), "m1", "How do I return a lamp?");
        // The projection is an hour away, as if the instance that took the write had stopped before it ran.
        assertThat(facts.existsById(id)).isFalse();

        projector.reconcile();

        assertThat(facts.findById(id)).hasValueSatisfying(f -> assertThat(f.customerMessages()).isEqualTo(1));
    }

    @Test
    void should_project_again_the_rows_projected_by_older_rules_so_past_conversations_get_new_figures() {
        CustomerClient customer = new CustomerClient(http.toBlocking());
        Reply started = customer.start(null);
        String id = started.string("id");
        customer.say(id, started.string("token"), "m1", "How do I return a lamp?");
        projector.flush();
        // As the migration that added the bot's reply time leaves a row: up to date with its log, version 0, no figure.
        int updated = transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(
                    "UPDATE analytics_conversation SET projection_version = 0, bot_replies = 0, bot_reply_ms_total = 0 WHERE conversation_id = ?")) {
                update.setString(1, id);
                return update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(updated).isEqualTo(1);

        projector.reconcile();

        assertThat(facts.findById(id)).hasValueSatisfying(f -> {
            assertThat(f.projectionVersion()).isEqualTo(ConversationProjection.VERSION);
            assertThat(f.botReplies()).isEqualTo(1);
        });
    }
}
