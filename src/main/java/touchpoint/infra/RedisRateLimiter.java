package touchpoint.infra;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same token buckets as {@link RateLimiter}, kept in Redis (Bucket4j's compare-and-swap buckets over
 * Lettuce), so every instance draws on one budget: behind a balancer, N instances would otherwise allow N times
 * the limit.
 *
 * <p>Redis must never turn a limit into an outage. Until it is reachable, while the connection is down (Lettuce
 * reconnects on its own), and when a call fails or takes longer than {@link #TIMEOUT}, the in-process buckets
 * decide instead; after a failure Redis is left alone for {@link #BACKOFF} so a hung Redis does not add the
 * timeout to every request.
 */
// Created with the context: connecting and the first script load must not happen inside the first request.
@Context
@Requires(property = "redis.uri")
class RedisRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final String PREFIX = "touchpoint:rate:";
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration BACKOFF = Duration.ofSeconds(5);

    private final RedisClient client;
    private final RateLimiter local;
    private final Map<Integer, CompletableFuture<BucketConfiguration>> configurations = new ConcurrentHashMap<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "redis-rate-limiter-connect");
        t.setDaemon(true);
        return t;
    });
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile AsyncProxyManager<String> buckets;
    private volatile long localUntil;
    private volatile boolean closed;

    RedisRateLimiter(RedisClient client, RateLimiter local) {
        this.client = client;
        this.local = local;
        if (!connect()) {
            retries.scheduleWithFixedDelay(this::retry, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Takes a token from {@code key}'s shared bucket of {@code perMinute}: 0 when allowed, else nanoseconds to wait. */
    CompletableFuture<Long> tryTake(String key, int perMinute) {
        AsyncProxyManager<String> shared = buckets;
        if (shared == null || !connection.isOpen() || System.nanoTime() - localUntil < 0) {
            return CompletableFuture.completedFuture(local.tryTake(key, perMinute));
        }
        CompletableFuture<ConsumptionProbe> probe;
        try {
            probe = shared.builder().build(PREFIX + key, () -> configuration(perMinute)).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            probe = CompletableFuture.failedFuture(e);
        }
        return probe.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).handle((p, e) -> {
            if (e != null) {
                localUntil = System.nanoTime() + BACKOFF.toNanos();
                LOG.warn("redis rate limit unavailable, this instance's own buckets decide for {}: {}", BACKOFF, e.toString());
                return local.tryTake(key, perMinute);
            }
            return p.isConsumed() ? 0L : Math.max(1L, p.getNanosToWaitForRefill());
        });
    }

    private CompletableFuture<BucketConfiguration> configuration(int perMinute) {
        return configurations.computeIfAbsent(perMinute, n -> CompletableFuture.completedFuture(BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(n).refillGreedy(n, Duration.ofNanos(RateLimiter.PERIOD_NANOS)))
                .build()));
    }

    private void retry() {
        if (closed || connect()) {
            // Done (or shutting down): stop the schedule by throwing out of this run.
            throw new IllegalStateException("stop retrying");
        }
    }

    private synchronized boolean connect() {
        if (buckets != null) {
            return true;
        }
        StatefulRedisConnection<String, byte[]> c = null;
        try {
            c = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            // A bucket idle long enough to be full again is the same as no bucket: let Redis drop it.
            AsyncProxyManager<String> manager = Bucket4jLettuce.casBasedBuilder(c)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .build()
                    .asAsync();
            // The first call loads classes and the script; let it happen here rather than time out a request.
            manager.builder().build(PREFIX + "warm-up", () -> configuration(1)).getAvailableTokens().get(10, TimeUnit.SECONDS);
            connection = c;
            buckets = manager;
            LOG.info("rate limits shared through redis");
            return true;
        } catch (RedisException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("redis unavailable, rate limits are per instance until it is: {}", e.toString());
            if (c != null) {
                c.closeAsync();
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @PreDestroy
    void close() {
        closed = true;
        retries.shutdownNow();
        if (connection != null) {
            connection.close();
        }
    }
}
