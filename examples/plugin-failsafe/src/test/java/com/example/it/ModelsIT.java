package com.example.it;

import dev.modelapi.decthings.client.DecthingsClient;
import dev.modelapi.decthings.client.model.GetModelsRequest;
import dev.modelapi.pieces.client.PiecesClient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An integration test as a team writes it: the mock's URLs come from the plugin, through failsafe. */
class ModelsIT {

    private static String property(String name) {
        String value = System.getProperty(name);
        assertNotNull(value, name + " is not set: is modelapi:start bound before failsafe?");
        return value;
    }

    @Test
    void decthingsAnswersThroughTheStartedMock() throws Exception {
        DecthingsClient client = DecthingsClient.builder()
                .baseUrl(property("decthings.url"))
                .apiKey("example-key")
                .build();

        var models = client.model().getModels(new GetModelsRequest());

        assertNull(models.getError());
        assertEquals(2, models.getResult().getTotal());   // seed 7 holds two models
    }

    @Test
    void piecesAnswersThroughTheStartedMock() throws Exception {
        PiecesClient client = PiecesClient.builder().baseUrl(property("pieces.url")).build();

        assertTrue(client.models().modelsSnapshot().getIterable().size() >= 10);
    }

    @Test
    void theUnmappedPropertyArrivesToo() {
        // modelapi:start also puts its properties into the session's user properties, which failsafe hands to
        // the test JVM without any systemPropertyVariables.
        assertTrue(System.getProperty("modelapi.mock.url", "").startsWith("http://127.0.0.1:"));
    }
}
