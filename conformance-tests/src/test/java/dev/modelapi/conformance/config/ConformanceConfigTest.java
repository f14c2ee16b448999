package dev.modelapi.conformance.config;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.spec.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConformanceConfigTest {

    @Test
    void noUrlMeansEmbeddedAndBothApis() {
        ConformanceConfig c = ConformanceConfig.from(Map.of());
        assertThat(c.embedded()).isTrue();
        assertThat(c.apis()).containsExactly(Api.DECTHINGS, Api.PIECES);
        assertThat(c.transport()).isEqualTo(Transport.BINARY);
    }

    @Test
    void oneUrlTestsThatApiOnly() {
        ConformanceConfig c = ConformanceConfig.from(Map.of(ConformanceConfig.PIECES_URL, "http://localhost:39300/"));
        assertThat(c.embedded()).isFalse();
        assertThat(c.apis()).containsExactly(Api.PIECES);
        assertThat(c.piecesUrl().toString()).isEqualTo("http://localhost:39300");
    }

    @Test
    void onlyAndSkipSelectChecks() {
        ConformanceConfig c = ConformanceConfig.from(Map.of(ConformanceConfig.ONLY, "status-code, envelope",
                ConformanceConfig.SKIP, "envelope"));
        assertThat(c.enabled(CheckId.STATUS_CODE)).isTrue();
        assertThat(c.enabled(CheckId.ENVELOPE)).isFalse();
        assertThat(c.enabled(CheckId.AUTH)).isFalse();
    }

    @Test
    void roundTripsThroughParameters() {
        ConformanceConfig c = ConformanceConfig.from(Map.of(ConformanceConfig.DECTHINGS_URL, "https://x.test/v0",
                ConformanceConfig.TRANSPORT, "json", ConformanceConfig.READ_ONLY, "true", ConformanceConfig.SEED, "7",
                ConformanceConfig.SKIP, "auth"));
        assertThat(ConformanceConfig.from(c.toParameters())).isEqualTo(c);
    }

    @Test
    void rejectsBadValuesWithTheirName() {
        assertThatThrownBy(() -> ConformanceConfig.from(Map.of(ConformanceConfig.ONLY, "status-codes")))
                .hasMessageContaining("Unknown check 'status-codes'");
        assertThatThrownBy(() -> ConformanceConfig.from(Map.of(ConformanceConfig.TRANSPORT, "grpc")))
                .hasMessageContaining("grpc");
        assertThatThrownBy(() -> ConformanceConfig.from(Map.of(ConformanceConfig.DECTHINGS_URL, "ftp://x")))
                .hasMessageContaining(ConformanceConfig.DECTHINGS_URL);
        assertThatThrownBy(() -> ConformanceConfig.from(Map.of(ConformanceConfig.SEED, "abc")))
                .hasMessageContaining(ConformanceConfig.SEED);
    }
}
