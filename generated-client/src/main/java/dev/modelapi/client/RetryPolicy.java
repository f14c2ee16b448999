package dev.modelapi.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a client sends a call again by itself: after a "busy" answer (Decthings {@code too_many_requests}, HTTP
 * 429 or 503), with exponential backoff and jitter, honouring the server's {@code Retry-After}.
 *
 * <p>Only idempotent calls are retried unless {@link Builder#retryNonIdempotent(boolean)} says otherwise: the
 * Decthings calls the spec marks {@code x-modelapi-idempotent}, and Pieces {@code GET}/{@code HEAD}/{@code PUT}/
 * {@code DELETE}/{@code OPTIONS}. A call that got no answer at all ({@link TransportException}) is never retried:
 * the server may have acted on it.
 *
 * <p>The delay before retry {@code n} (1-based) is {@code min(maxBackoff, initialBackoff × multiplier^(n-1))},
 * reduced by a random share of up to {@code jitter} of itself (so that many clients do not retry in step), and
 * raised to the server's {@code Retry-After} when that is longer. A {@code Retry-After} beyond
 * {@code maxRetryAfter} ends the retries: the busy answer is returned.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RetryPolicy {

    /** Told about each retry before its delay; for logging and metrics. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param attempt the attempt that is about to be made (2 for the first retry)
         * @param delay   how long the client waits before it
         * @param reason  why, e.g. {@code HTTP 429} or {@code too_many_requests}
         */
        void beforeRetry(int attempt, Duration delay, String reason);
    }

    private static final RetryPolicy NONE = builder().maxAttempts(1).build();
    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double multiplier;
    private final Duration maxBackoff;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final boolean retryNonIdempotent;
    private final Listener listener;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.multiplier = b.multiplier;
        this.maxBackoff = b.maxBackoff;
        this.jitter = b.jitter;
        this.maxRetryAfter = b.maxRetryAfter;
        this.retryNonIdempotent = b.retryNonIdempotent;
        this.listener = b.listener;
    }

    /** Never retry: every answer reaches the caller as it came. */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * The clients' default: 3 attempts in all, 200 ms backoff doubling up to 5 s, jitter 0.5, {@code Retry-After}
     * honoured up to 30 s, idempotent calls only.
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Attempts in all, the first included; 1 means no retry. */
    public int maxAttempts() {
        return maxAttempts;
    }

    public boolean retryNonIdempotent() {
        return retryNonIdempotent;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** Whether {@code attempt} (1-based, the one that just got a busy answer) may be followed by another. */
    public boolean allowsAnotherAfter(int attempt, boolean idempotent) {
        return attempt < maxAttempts && (idempotent || retryNonIdempotent);
    }

    /**
     * The delay before attempt {@code attempt + 1}.
     *
     * @param attempt    the attempt that got the busy answer, 1-based
     * @param retryAfter the server's {@code Retry-After}, or {@code null}
     * @param random     a number in [0, 1) that picks the jitter
     */
    public Duration delayAfter(int attempt, Duration retryAfter, double random) {
        double exponential = initialBackoff.toNanos() * Math.pow(multiplier, attempt - 1);
        double capped = Math.min(maxBackoff.toNanos(), exponential);
        long nanos = (long) (capped * (1 - jitter * random));
        Duration backoff = Duration.ofNanos(nanos);
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }

    /** {@link #delayAfter(int, Duration, double)} with a random jitter. */
    public Duration delayAfter(int attempt, Duration retryAfter) {
        return delayAfter(attempt, retryAfter, ThreadLocalRandom.current().nextDouble());
    }

    /** Tells the listener, if any; a listener that throws does not stop the retry. */
    public void notifyRetry(int attempt, Duration delay, String reason) {
        if (listener != null) {
            try {
                listener.beforeRetry(attempt, delay, reason);
            } catch (RuntimeException ignored) {
                // a logging hook must not change what the call returns
            }
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", multiplier="
                + multiplier + ", maxBackoff=" + maxBackoff + ", jitter=" + jitter + ", maxRetryAfter="
                + maxRetryAfter + ", retryNonIdempotent=" + retryNonIdempotent + "]";
    }

    /** Builder of {@link RetryPolicy}; starts from {@link #defaults()}. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private double multiplier = 2;
        private Duration maxBackoff = Duration.ofSeconds(5);
        private double jitter = 0.5;
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private boolean retryNonIdempotent;
        private Listener listener;

        private Builder() {
        }

        /** Attempts in all, at least 1 (the default 3 = two retries). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Delay before the first retry (default 200 ms). */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
            return this;
        }

        /** Factor between one delay and the next, at least 1 (default 2). */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1)) {
                throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /** Longest backoff (default 5 s); a longer {@code Retry-After} still wins, up to {@link #maxRetryAfter}. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
            return this;
        }

        /** Share of each delay that is randomly taken off, 0 (none) to 1 (default 0.5). */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be within [0, 1], was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /** Longest {@code Retry-After} the client waits for; a longer one returns the busy answer (default 30 s). */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /** Retry calls that are not idempotent too (default {@code false}). */
        public Builder retryNonIdempotent(boolean retryNonIdempotent) {
            this.retryNonIdempotent = retryNonIdempotent;
            return this;
        }

        /** Told about each retry; default none. */
        public Builder listener(Listener listener) {
            this.listener = listener;
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + d);
            }
            return d;
        }
    }
}
