package touchpoint.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import redis.embedded.RedisServer;

/**
 * A real PostgreSQL and a real Redis, started once per test JVM and shared by every integration test;
 * each caller gets a fresh database so tests do not see each other's rows.
 */
public final class EmbeddedInfra {

    private static EmbeddedPostgres postgres;
    private static RedisServer redis;
    private static int redisPort;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private EmbeddedInfra() {
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    public static synchronized int redisPort() {
        if (redis == null) {
            redisPort = freePort();
            try {
                redis = new RedisServer(redisPort);
                redis.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    redis.stop();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return redisPort;
    }

    /** Stops and starts Redis on the same port, for fault tests. */
    public static synchronized void restartRedis() throws IOException {
        redis.stop();
        redis = new RedisServer(redisPort);
        redis.start();
    }

    /** A new, empty database on the shared server. */
    public static String newDatabaseUrl() {
        String name = "tp_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:postgresql://127.0.0.1:" + postgres().getPort() + "/" + name;
    }

    /** Properties that point an application context at a fresh database and the shared Redis. */
    public static Map<String, String> postgresAndRedis(String databaseUrl) {
        Map<String, String> p = postgresOnly(databaseUrl);
        p.put("redis.uri", "redis://127.0.0.1:" + redisPort());
        // Rate limits live in Redis when it is configured, and every test context here shares this Redis and the
        // loopback address: with the production limit they would draw on one budget. SharedRateLimitIT sets its own.
        p.put("touchpoint.ratelimit.per-ip-per-minute", "1000000");
        return p;
    }

    /** Properties for a fresh database alone: the in-process live bus, no Redis started. */
    public static Map<String, String> postgresOnly(String databaseUrl) {
        Map<String, String> p = new HashMap<>();
        p.put("datasources.default.url", databaseUrl);
        p.put("datasources.default.username", "postgres");
        p.put("datasources.default.password", "postgres");
        return p;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
