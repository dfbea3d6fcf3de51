package touchpoint.workspace;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import touchpoint.testing.EmbeddedInfra;

/**
 * {@link WorkspaceIT} on a real PostgreSQL, not only H2's PostgreSQL mode: V80's tables (BYTEA attachments), the
 * search's hand-written SQL (LIKE with ESCAPE, LIMIT/OFFSET, time stamps) and the projection's upserts.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "touchpoint.test.scripted-knowledge", value = "true")
@Property(name = "touchpoint.admin-password", value = WorkspaceClient.ADMIN_PASSWORD)
@Property(name = "touchpoint.handoff.auto-assign", value = "false")
class WorkspacePostgresIT extends WorkspaceIT implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return EmbeddedInfra.postgresOnly(EmbeddedInfra.newDatabaseUrl());
    }
}
