package dev.modelapi.mock.sdk;

import dev.modelapi.decthings.client.DecthingsClient;
import dev.modelapi.decthings.client.Transport;
import dev.modelapi.decthings.client.model.CreateModelCodeOptions;
import dev.modelapi.decthings.client.model.CreateModelRequest;
import dev.modelapi.decthings.client.model.CreateModelResponse;
import dev.modelapi.decthings.client.model.CreateStateRequest;
import dev.modelapi.decthings.client.model.CreateStateResponse;
import dev.modelapi.decthings.client.model.DecthingsParameterProvider;
import dev.modelapi.decthings.client.model.DecthingsParameterProviderDataset;
import dev.modelapi.decthings.client.model.GetModelsFilter;
import dev.modelapi.decthings.client.model.GetModelsRequest;
import dev.modelapi.decthings.client.model.GetModelsResponse;
import dev.modelapi.decthings.client.model.LauncherSpec;
import dev.modelapi.decthings.client.model.ModelLanguage;
import dev.modelapi.decthings.client.model.PersistentLauncherLocationProvider;
import dev.modelapi.decthings.client.model.SetImageRequest;
import dev.modelapi.decthings.client.model.TemporaryLauncherLocationProvider;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.decthings.sim.Fixtures;
import dev.modelapi.mock.junit.ModelApiMockExtension;
import dev.modelapi.pieces.client.PiecesClient;
import dev.modelapi.pieces.client.model.Model;
import dev.modelapi.pieces.client.model.ModelDownloadProgress;
import dev.modelapi.pieces.client.model.ModelDownloadProgressStatusEnum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The kit's own SDK (generated-client) against the mock: what users of the mock will do. */
class SdkFlowTest {

    @RegisterExtension
    static ModelApiMockExtension mock = ModelApiMockExtension.of(ModelApiMock.builder().apiKey("sdk-key")
            .downloadTick(Duration.ofMillis(20)));

    private static DecthingsClient decthings(Transport transport) {
        return DecthingsClient.builder().baseUrl(mock.decthingsBaseUrl()).apiKey("sdk-key")
                .timeout(Duration.ofSeconds(20)).transport(transport).build();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void createListSetImageCreateState(Transport transport) throws Exception {
        DecthingsClient client = decthings(transport);
        CreateModelResponse created = client.model().createModel(new CreateModelRequest()
                .name("sdk-" + transport).description("made by the SDK")
                .options(new CreateModelCodeOptions().type("code").language(ModelLanguage.PYTHON)));
        assertThat(created.getError()).isNull();
        String modelId = created.getResult().getModelId();

        GetModelsResponse listed = client.model().getModels(new GetModelsRequest()
                .filter(new GetModelsFilter().addIdsItem(modelId)));
        assertThat(listed.getResult().getTotal()).isEqualTo(1);
        assertThat(listed.getResult().getModels().get(0).getName()).isEqualTo("sdk-" + transport);

        assertThat(client.model().setImage(new SetImageRequest().modelId(modelId).domain("docker.io")
                .repository("library/python").reference("3.11-slim")).getError()).isNull();
        assertThat(client.model().getModels(new GetModelsRequest().filter(new GetModelsFilter().addIdsItem(modelId)))
                .getResult().getModels().get(0).getImage().getReference()).isEqualTo("3.11-slim");

        CreateStateResponse temporary = client.model().createState(new CreateStateRequest().modelId(modelId)
                .name("baseline")
                .addParamsItem(new DecthingsParameterProvider().name("vocab").data(
                        new DecthingsParameterProviderDataset().type("dataset")
                                .datasetId(Fixtures.EXAMPLE_DATASET_ID).datasetKey("vocab")))
                .executionLocation(new TemporaryLauncherLocationProvider().type("temporaryLauncher")
                        .spec(new LauncherSpec().cpus(2.0).memoryMebibytes(2048L))));
        assertThat(temporary.getError()).isNull();
        assertThat(temporary.getResult().getSuccess().getStateId()).isNotBlank();

        CreateStateResponse persistent = client.model().createState(new CreateStateRequest().modelId(modelId)
                .name("on-persistent").params(new java.util.ArrayList<>())
                .executionLocation(new PersistentLauncherLocationProvider().type("persistentLauncher")
                        .persistentLauncherId("no-such-launcher")));
        assertThat(persistent.getError()).isNotNull();
        assertThat(persistent.getError().getCode()).isEqualTo("persistent_launcher_not_found");
    }

    @Test
    void wrongKeyThroughTheSdk() throws Exception {
        DecthingsClient wrong = DecthingsClient.builder().baseUrl(mock.decthingsBaseUrl()).apiKey("nope").build();
        assertThat(wrong.model().getModels(new GetModelsRequest()).getError().getCode()).isEqualTo("bad_credentials");
    }

    @Test
    void piecesDownloadWithProgressThenLoadAndUnload() throws Exception {
        PiecesClient pieces = PiecesClient.builder().baseUrl(mock.piecesBaseUrl()).timeout(Duration.ofSeconds(20))
                .build();
        String phi3 = "9f4e2b18-7a6c-4d3f-95e0-1b8c4a7d2e66";
        List<ModelDownloadProgress> events = new CopyOnWriteArrayList<>();
        var done = pieces.downloadProgress(phi3, events::add);
        // Open the socket first, as the Pieces clients do, then start the download.
        waitForSubscriber(phi3);
        Model started = pieces.model().modelSpecificModelDownload(phi3);
        assertThat(started.getDownloading()).isTrue();
        ModelDownloadProgress last = done.get(60, TimeUnit.SECONDS);

        assertThat(last.getStatus()).isEqualTo(ModelDownloadProgressStatusEnum.COMPLETED);
        assertThat(events.get(0).getStatus()).isEqualTo(ModelDownloadProgressStatusEnum.INITIALIZED);
        List<Double> percentages = events.stream()
                .filter(e -> e.getStatus() == ModelDownloadProgressStatusEnum.IN_PROGRESS)
                .map(e -> e.getPercentage().doubleValue()).toList();
        assertThat(percentages).isNotEmpty().isSorted();
        assertThat(percentages.get(percentages.size() - 1)).isEqualTo(100.0);

        Model snapshot = pieces.model().modelsSpecificModelSnapshot(phi3);
        assertThat(snapshot.getDownloaded()).isTrue();
        assertThat(snapshot.getDownloading()).isFalse();
        assertThat(pieces.model().modelSpecificModelLoad(phi3).getLoaded()).isTrue();
        assertThat(pieces.model().modelSpecificModelUnload(phi3).getLoaded()).isFalse();
        assertThat(pieces.models().modelsSnapshot().getIterable()).hasSizeGreaterThanOrEqualTo(10);
    }

    private static void waitForSubscriber(String modelId) throws InterruptedException {
        for (int i = 0; i < 500 && mock.mock().downloads().subscriberCount(modelId) == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(mock.mock().downloads().subscriberCount(modelId)).isPositive();
    }
}
