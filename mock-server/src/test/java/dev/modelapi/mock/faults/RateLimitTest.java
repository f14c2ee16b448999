package dev.modelapi.mock.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.mock.junit.DecthingsUrl;
import dev.modelapi.mock.junit.ModelApiMockTest;
import dev.modelapi.mock.junit.PiecesUrl;
import dev.modelapi.mock.support.Decthings;
import dev.modelapi.mock.support.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --rate-limit 1}: within one second, at most one API request gets through. The assertions only need two
 * requests to fall into the same second, so they do not depend on the machine's speed in practice.
 */
@ModelApiMockTest(rateLimitPerSecond = 1)
class RateLimitTest {

    @Test
    void decthingsAnswersTooManyRequestsInItsOwnShape(@DecthingsUrl String base) {
        boolean limited = false;
        for (int i = 0; i < 20 && !limited; i++) {
            JsonNode envelope = Decthings.framed(base).call("getModels", "{\"limit\":1}");
            limited = envelope.path("error").path("code").asText().equals("too_many_requests");
        }
        assertThat(limited).isTrue();
    }

    @Test
    void piecesAnswersTheDeclared500ButKeepsHealthAndSnapshotAnswerable(@PiecesUrl String base) {
        Http.Answer limited = null;
        for (int i = 0; i < 20 && limited == null; i++) {
            Http.Answer a = Http.get(base + "/models");
            if (a.status() == 500) {
                limited = a;
            }
        }
        assertThat(limited).isNotNull();
        assertThat(limited.contentType()).startsWith("text/plain");
        assertThat(limited.text()).contains("Too many requests");
        for (int i = 0; i < 5; i++) {
            assertThat(Http.head(base + "/.well-known/health").status()).isEqualTo(200);
            assertThat(Http.get(base + "/model/3c1a8f5e-6b2d-4e7a-9f10-2d4b8c6e1a57").status()).isEqualTo(200);
        }
    }
}
