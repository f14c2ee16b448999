package dev.modelapi.conformance.http;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Retries a call that the deployment refused for rate limiting the way its spec declares it (Decthings:
 * {@code too_many_requests}), with exponential backoff honouring {@code Retry-After} when given.
 */
public final class Backoff {

    private final int maxAttempts;
    private final long firstDelayMillis;

    public Backoff(int maxAttempts, long firstDelayMillis) {
        this.maxAttempts = maxAttempts;
        this.firstDelayMillis = firstDelayMillis;
    }

    public static Backoff standard() {
        return new Backoff(5, 500);
    }

    /**
     * No retry: for an API whose spec declares no rate-limiting answer (Pieces declares no 429), a 429 is an
     * undeclared status for the checks to report, not something to wait out.
     */
    public static Backoff none() {
        return new Backoff(1, 0);
    }

    /** Calls {@code call} until {@code rateLimited} says no or attempts run out; returns the last result. */
    public <T> Attempted<T> run(Supplier<T> call, Predicate<T> rateLimited, java.util.function.Function<T, String> retryAfter) {
        long delay = firstDelayMillis;
        T result = null;
        int attempt = 0;
        while (attempt < maxAttempts) {
            attempt++;
            result = call.get();
            if (!rateLimited.test(result) || attempt == maxAttempts) {
                break;
            }
            long wait = delay;
            String header = retryAfter.apply(result);
            if (header != null) {
                try {
                    wait = Math.min(30_000, Math.max(0, Long.parseLong(header.trim()) * 1000));
                } catch (NumberFormatException ignored) {
                    // an HTTP date: keep the exponential delay
                }
            }
            sleep(wait);
            delay = Math.min(delay * 2, 16_000);
        }
        return new Attempted<>(result, attempt);
    }

    public record Attempted<T>(T result, int attempts) {
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while backing off", e);
        }
    }
}
