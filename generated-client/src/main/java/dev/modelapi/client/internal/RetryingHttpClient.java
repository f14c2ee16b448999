package dev.modelapi.client.internal;

import dev.modelapi.client.RetryPolicy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends a call again while the answer says "busy" and the {@link RetryPolicy} allows it (see there for the rules).
 * Sits above the framing layer, so it judges the logical answer the generated code will read. Requests are re-sent
 * as they are: the generated code's byte-array bodies replay.
 *
 * <p>The JDK is enough here (a sleep or a delayed executor), so no retry library is pulled into users' builds.
 */
public final class RetryingHttpClient extends DelegatingHttpClient {

    private final RetryPolicy policy;
    private final RetryRules rules;
    private final Clock clock;

    public RetryingHttpClient(HttpClient delegate, RetryPolicy policy, RetryRules rules) {
        this(delegate, policy, rules, Clock.systemUTC());
    }

    RetryingHttpClient(HttpClient delegate, RetryPolicy policy, RetryRules rules, Clock clock) {
        super(delegate);
        this.policy = policy;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        boolean idempotent = rules.idempotent(request);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> raw = delegate.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Optional<Duration> delay = delayBeforeNext(raw, attempt, idempotent);
            if (delay.isEmpty()) {
                return BufferedResponses.handOver(raw, handler);
            }
            TimeUnit.NANOSECONDS.sleep(delay.get().toNanos());
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return attemptAsync(request, 1, rules.idempotent(request)).thenApply(raw -> {
            try {
                return BufferedResponses.handOver(raw, handler);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    private CompletableFuture<HttpResponse<byte[]>> attemptAsync(HttpRequest request, int attempt, boolean idempotent) {
        return delegate.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenCompose(raw -> {
            Optional<Duration> delay = delayBeforeNext(raw, attempt, idempotent);
            if (delay.isEmpty()) {
                return CompletableFuture.completedFuture(raw);
            }
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(delay.get().toNanos(), TimeUnit.NANOSECONDS))
                    .thenCompose(ignored -> attemptAsync(request, attempt + 1, idempotent));
        });
    }

    /** The wait before another attempt, or empty when {@code raw} is the answer to return. */
    private Optional<Duration> delayBeforeNext(HttpResponse<byte[]> raw, int attempt, boolean idempotent) {
        String reason = rules.busyReason(raw);
        if (reason == null || !policy.allowsAnotherAfter(attempt, idempotent)) {
            return Optional.empty();
        }
        Duration retryAfter = retryAfter(raw.headers(), clock);
        if (retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
            return Optional.empty();
        }
        Duration delay = policy.delayAfter(attempt, retryAfter);
        policy.notifyRetry(attempt + 1, delay, reason);
        return Optional.of(delay);
    }

    /**
     * {@code Retry-After} as a wait: delta-seconds or an HTTP-date (RFC 9110 §10.2.3); {@code null} when absent or
     * unreadable (then the backoff alone decides).
     */
    static Duration retryAfter(HttpHeaders headers, Clock clock) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
        if (value.isEmpty() || value.get().isEmpty()) {
            return null;
        }
        String v = value.get();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException tooLong) {
                return Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
