package dev.modelapi.mock.faults;

import java.util.function.LongSupplier;

/**
 * {@code --rate-limit N}: at most N API requests in any one-second window (a fixed window per wall-clock second,
 * which is what "N per second" means to a client that counts). 0 switches it off. Thread-safe.
 */
public final class RateLimiter {

    private final int perSecond;
    private final LongSupplier nanoClock;
    private long windowStart;
    private int used;

    public RateLimiter(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    RateLimiter(int perSecond, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.nanoClock = nanoClock;
        this.windowStart = nanoClock.getAsLong();
    }

    public boolean enabled() {
        return perSecond > 0;
    }

    /** Takes one request from the current window; false if the window is full. */
    public synchronized boolean tryAcquire() {
        if (perSecond <= 0) {
            return true;
        }
        long now = nanoClock.getAsLong();
        if (now - windowStart >= 1_000_000_000L) {
            windowStart = now;
            used = 0;
        }
        if (used >= perSecond) {
            return false;
        }
        used++;
        return true;
    }

    /** A fresh window (admin reset). */
    public synchronized void reset() {
        windowStart = nanoClock.getAsLong();
        used = 0;
    }
}
