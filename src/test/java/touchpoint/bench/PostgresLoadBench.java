package touchpoint.bench;

import java.util.HashMap;
import java.util.Map;
import touchpoint.testing.EmbeddedInfra;

/**
 * The load bench on PostgreSQL (embedded, on loopback, a fresh database) instead of the embedded H2 default:
 * the same phases and fields, written to target/bench/load-postgres.json. The database server's own CPU is
 * outside this JVM, so {@code cpuMsPerMessage} and {@code cpuRatio} leave it out; {@code ratio} does not.
 */
class PostgresLoadBench extends LoadBench {

    @Override
    Map<String, Object> database() {
        return new HashMap<>(EmbeddedInfra.postgresOnly(EmbeddedInfra.newDatabaseUrl()));
    }

    @Override
    String databaseName() {
        return "PostgreSQL (embedded)";
    }

    @Override
    String reportName() {
        return "load-postgres.json";
    }
}
