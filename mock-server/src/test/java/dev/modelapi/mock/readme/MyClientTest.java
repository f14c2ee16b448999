package dev.modelapi.mock.readme;

import dev.modelapi.decthings.client.DecthingsClient;
import dev.modelapi.decthings.client.model.GetModelsRequest;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.junit.DecthingsUrl;
import dev.modelapi.mock.junit.ModelApiMockTest;
import dev.modelapi.mock.junit.PiecesUrl;
import dev.modelapi.pieces.client.PiecesClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

// README:junit:begin
@ModelApiMockTest(seed = 7)   // one mock per class on a free port; reset before each test
class MyClientTest {

    @Test
    void listsModels(@DecthingsUrl String decthings, @PiecesUrl String pieces, ModelApiMock mock)
            throws Exception {
        DecthingsClient client = DecthingsClient.builder().baseUrl(decthings).build();
        assertThat(client.model().getModels(new GetModelsRequest()).getResult().getTotal()).isEqualTo(2);

        PiecesClient piecesClient = PiecesClient.builder().baseUrl(pieces).build();
        assertThat(piecesClient.models().modelsSnapshot().getIterable()).hasSizeGreaterThanOrEqualTo(10);
    }   // the test fails if the mock served a response that does not conform to the spec
}
// README:junit:end
