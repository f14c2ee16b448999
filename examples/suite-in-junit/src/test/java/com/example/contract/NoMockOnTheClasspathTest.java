package com.example.contract;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** A build that tests a deployment by URL gets the suite, not the kit's mock and WireMock (an optional dependency). */
class NoMockOnTheClasspathTest {

    @Test
    void theMockAndWireMockAreNotPulledIn() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.modelapi.mock.ModelApiMock"));
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("com.github.tomakehurst.wiremock.WireMockServer"));
    }
}
