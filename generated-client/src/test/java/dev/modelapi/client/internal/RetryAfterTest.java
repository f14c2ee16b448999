package dev.modelapi.client.internal;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Retry-After} in both of RFC 9110's forms, and what is ignored. */
class RetryAfterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    private static Duration retryAfter(String value) {
        HttpHeaders headers = HttpHeaders.of(Map.of("Retry-After", List.of(value)), (a, b) -> true);
        return RetryingHttpClient.retryAfter(headers, NOW);
    }

    @Test
    void deltaSeconds() {
        assertThat(retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
    }

    @Test
    void httpDateIsTheWaitUntilThen() {
        assertThat(retryAfter("Sun, 06 Dec 2026 10:00:30 GMT")).isEqualTo(Duration.ofSeconds(30));
        assertThat(retryAfter("Sun, 06 Dec 2026 09:59:00 GMT")).as("in the past").isEqualTo(Duration.ZERO);
    }

    @Test
    void absentOrUnreadableLeavesTheBackoffToDecide() {
        assertThat(RetryingHttpClient.retryAfter(HttpHeaders.of(Map.of(), (a, b) -> true), NOW)).isNull();
        assertThat(retryAfter("soon")).isNull();
        assertThat(retryAfter("-3")).isNull();
        assertThat(retryAfter("99999999999999999999999")).isGreaterThan(Duration.ofDays(365));
    }
}
