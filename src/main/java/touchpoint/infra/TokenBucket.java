package touchpoint.infra;

/**
 * A bucket of {@code capacity} tokens that refills continuously at {@code capacity} per period: bursts up to the
 * capacity pass, a steady rate above it does not. Time comes from the caller so tests need no sleeping.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastRefill;

    TokenBucket(int capacity, long periodNanos, long now) {
        if (capacity <= 0 || periodNanos <= 0) {
            throw new IllegalArgumentException("capacity and period must be positive");
        }
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) periodNanos;
        this.tokens = capacity;
        this.lastRefill = now;
    }

    /** Takes one token; when none is left, returns how many nanoseconds until one is, else 0. */
    synchronized long tryTake(long now) {
        if (now > lastRefill) {
            tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
            lastRefill = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }
}
