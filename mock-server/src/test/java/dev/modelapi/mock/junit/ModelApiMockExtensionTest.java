package dev.modelapi.mock.junit;

import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.support.Decthings;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @ModelApiMockTest}: injection of the mock and its URLs, and a reset between tests. */
@ModelApiMockTest(seed = 11)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelApiMockExtensionTest {

    private static final String CREATE = "{\"name\":\"same\",\"description\":\"d\",\"options\":{\"type\":\"code\","
            + "\"language\":\"python\"}}";
    private static String firstId;

    @Test
    @Order(1)
    void injectsTheMockAndItsUrls(ModelApiMock mock, @DecthingsUrl String decthings, @DecthingsUrl URI decthingsUri,
                                  @PiecesUrl String pieces) {
        assertThat(mock.isRunning()).isTrue();
        assertThat(mock.seed()).isEqualTo(11);
        assertThat(decthings).isEqualTo(mock.decthingsBaseUrl()).endsWith("/v0").startsWith("http://127.0.0.1:");
        assertThat(decthingsUri).isEqualTo(URI.create(decthings));
        assertThat(pieces).isEqualTo(mock.piecesBaseUrl());
        firstId = Decthings.json(decthings).result("createModel", CREATE).path("modelId").asText();
    }

    @Test
    @Order(2)
    void stateIsResetBetweenTests(@DecthingsUrl String decthings) {
        // the name is free again, and the same seed gives the same id
        assertThat(Decthings.json(decthings).result("createModel", CREATE).path("modelId").asText())
                .isEqualTo(firstId);
    }

    @Nested
    class RegisteredByHand {

        @RegisterExtension
        ModelApiMockExtension own = ModelApiMockExtension.of(ModelApiMock.builder().seed(99).apiKey("k"));

        @Test
        void aPerTestMockWithItsOwnSettings() {
            // (a ModelApiMock parameter would be ambiguous here: both extensions can supply one)
            assertThat(own.mock().seed()).isEqualTo(99);
            assertThat(Decthings.json(own.decthingsBaseUrl()).error("deleteModel", "{\"modelId\":\"x\"}")
                    .path("code").asText()).isEqualTo("bad_credentials");
        }
    }
}
