package touchpoint.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/**
 * Two application instances on random ports sharing one new PostgreSQL database and the embedded Redis, with the
 * scripted knowledge base: what a deployment of several instances behind a load balancer looks like to a test.
 */
public final class TwoInstances implements AutoCloseable {

    public final EmbeddedServer a;
    public final EmbeddedServer b;
    public final HttpClient httpA;
    public final HttpClient httpB;

    private TwoInstances(Map<String, Object> props) {
        a = ApplicationContext.run(EmbeddedServer.class, props, "test");
        b = ApplicationContext.run(EmbeddedServer.class, props, "test");
        httpA = HttpClient.create(a.getURL());
        httpB = HttpClient.create(b.getURL());
    }

    /** Starts both; {@code settings} are added to (and may override) the shared defaults. */
    public static TwoInstances start(Map<String, Object> settings) {
        Map<String, Object> props = new HashMap<>(EmbeddedInfra.postgresAndRedis(EmbeddedInfra.newDatabaseUrl()));
        props.put("touchpoint.test.scripted-knowledge", "true");
        props.put("micronaut.server.port", "-1");
        props.putAll(settings);
        return new TwoInstances(props);
    }

    @Override
    public void close() {
        httpA.close();
        httpB.close();
        b.getApplicationContext().close();
        a.getApplicationContext().close();
    }
}
