package dev.modelapi.mock.sim;

/**
 * The simulation's clock: virtual milliseconds since the epoch that start at a fixed instant and move only when the
 * simulation says so (each call that changes state advances it), so that timestamps are the same on every run with
 * the same seed and the same calls. Thread-safe.
 */
public final class SimClock {

    /** 2025-01-01T00:00:00Z. */
    public static final long START = 1_735_689_600_000L;

    private long now;

    public SimClock() {
        this.now = START;
    }

    public synchronized long now() {
        return now;
    }

    /** Moves the clock forward and returns the new time. */
    public synchronized long advance(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("time does not go back");
        }
        now += millis;
        return now;
    }

    public synchronized void reset() {
        now = START;
    }
}
