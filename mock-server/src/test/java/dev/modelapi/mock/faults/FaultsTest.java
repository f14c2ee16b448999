package dev.modelapi.mock.faults;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.junit.DecthingsUrl;
import dev.modelapi.mock.junit.ModelApiMockTest;
import dev.modelapi.mock.junit.PiecesUrl;
import dev.modelapi.mock.support.Decthings;
import dev.modelapi.mock.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.UncheckedIOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Prefer: fault=…, Prefer: delay=… (no timing assertions: the served definition carries the delay). */
@ModelApiMockTest
class FaultsTest {

    @ParameterizedTest
    @ValueSource(strings = {"connection-reset", "empty-response", "malformed-response"})
    void faultsBreakTheConnectionAsWireMockDoes(String fault, @DecthingsUrl String base, @PiecesUrl String pieces) {
        assertThatThrownBy(() -> Decthings.framed(base, "Prefer", "fault=" + fault).raw("getModels", "{}"))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> Http.get(pieces + "/models", "Prefer", "fault=" + fault))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void anUnknownFaultIsIgnored(@PiecesUrl String pieces) {
        assertThat(Http.get(pieces + "/models", "Prefer", "fault=meteor").status()).isEqualTo(200);
    }

    @Test
    void delayIsAddedToTheAnswer(@DecthingsUrl String base, ModelApiMock mock) {
        Decthings.json(base, "Prefer", "delay=150").result("getModels", "{}");
        List<ServeEvent> events = mock.wireMock().getAllServeEvents();
        assertThat(events.get(0).getResponseDefinition().getFixedDelayMilliseconds()).isEqualTo(150);
    }

    @Test
    void delaysAreCapped() {
        var capped = Faults.withDelay(com.github.tomakehurst.wiremock.http.ResponseDefinition.ok(),
                dev.modelapi.mock.http.Prefer.parse(List.of("delay=999999999")));
        assertThat(capped.getFixedDelayMilliseconds()).isEqualTo((int) Faults.MAX_DELAY_MILLIS);
        var none = Faults.withDelay(com.github.tomakehurst.wiremock.http.ResponseDefinition.ok(),
                dev.modelapi.mock.http.Prefer.parse(List.of("delay=soon")));
        assertThat(none.getFixedDelayMilliseconds()).isNull();
    }

    @Test
    void rateLimiterAllowsNPerSecondWindow() {
        long[] now = {0};
        RateLimiter limiter = new RateLimiter(2, () -> now[0]);
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
        now[0] += 999_000_000L;
        assertThat(limiter.tryAcquire()).isFalse();
        now[0] += 1_000_000L;
        assertThat(limiter.tryAcquire()).isTrue();
        limiter.reset();
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(new RateLimiter(0).enabled()).isFalse();
    }

}
