package com.example.models;

import dev.modelapi.decthings.client.DecthingsClient;
import dev.modelapi.decthings.client.model.CreateModelRequest;
import dev.modelapi.decthings.client.model.CreateModelUploadOptions;
import dev.modelapi.mock.junit.DecthingsUrl;
import dev.modelapi.mock.junit.ModelApiMockTest;
import dev.modelapi.mock.junit.PiecesUrl;
import dev.modelapi.pieces.client.PiecesClient;
import dev.modelapi.pieces.client.model.ModelDownloadProgressStatusEnum;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

// README:example-junit:begin
@ModelApiMockTest(seed = 7)   // one mock per class on a free port, reset before each test
class ModelInventoryTest {

    private DecthingsClient decthings;
    private ModelInventory inventory;

    @BeforeEach
    void clients(@DecthingsUrl String decthingsUrl, @PiecesUrl String piecesUrl) {
        decthings = DecthingsClient.builder().baseUrl(decthingsUrl).build();
        inventory = new ModelInventory(decthings, PiecesClient.builder().baseUrl(piecesUrl).build());
    }

    @Test
    void findsEveryMatchingModelOverAllPages() throws Exception {
        for (String name : List.of("resnet-a", "resnet-b", "resnet-c", "bert")) {
            var created = decthings.model().createModel(new CreateModelRequest()
                    .name(name)
                    .description("example")
                    .options(new CreateModelUploadOptions().format("onnx").data(new byte[] {1, 2, 3})));
            assertNull(created.getError());
        }

        assertEquals(List.of("resnet-a", "resnet-b", "resnet-c"), inventory.decthingsModelNames("resnet")
                .stream().sorted().toList());
    }

    @Test
    void downloadsAPiecesModelWithLiveProgress() throws Exception {
        List<String> toDownload = inventory.piecesModelsToDownload();
        assertFalse(toDownload.isEmpty());

        List<ModelDownloadProgressStatusEnum> statuses = inventory.download(toDownload.get(0));

        assertEquals(ModelDownloadProgressStatusEnum.COMPLETED, statuses.get(statuses.size() - 1));
        assertFalse(inventory.piecesModelsToDownload().contains(toDownload.get(0)));
    }   // each test also fails if the mock served an answer that does not conform to the spec
}
// README:example-junit:end
