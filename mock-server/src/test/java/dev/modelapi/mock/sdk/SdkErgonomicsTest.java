package dev.modelapi.mock.sdk;

import dev.modelapi.decthings.client.DecthingsClient;
import dev.modelapi.decthings.client.ModelPagingException;
import dev.modelapi.decthings.client.Transport;
import dev.modelapi.decthings.client.model.CreateModelCodeOptions;
import dev.modelapi.decthings.client.model.CreateModelRequest;
import dev.modelapi.decthings.client.model.GetModelsFilter;
import dev.modelapi.decthings.client.model.GetModelsRequest;
import dev.modelapi.decthings.client.model.GetModelsResponse;
import dev.modelapi.decthings.client.model.Model;
import dev.modelapi.decthings.client.model.ModelLanguage;
import dev.modelapi.decthings.client.model.SortDirection;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.junit.ModelApiMockExtension;
import dev.modelapi.pieces.client.PiecesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SDK's paging helper and async calls against the stateful mock (real HTTP on loopback). */
class SdkErgonomicsTest {

    private static final int MODELS = 23;
    private static final String PREFIX = "paging-";

    @RegisterExtension
    static ModelApiMockExtension mock = ModelApiMockExtension.of(ModelApiMock.builder().apiKey("sdk-key"));


    private static DecthingsClient decthings(Transport transport) {
        return DecthingsClient.builder().baseUrl(mock.decthingsBaseUrl()).apiKey("sdk-key")
                .timeout(Duration.ofSeconds(20)).transport(transport).build();
    }

    /** The mock is reset before each test; this makes a set larger than one page and returns its ids. */
    private static Set<String> aSetLargerThanOnePage() throws Exception {
        Set<String> created = new TreeSet<>();
        DecthingsClient client = decthings(Transport.BINARY);
        for (int i = 0; i < MODELS; i++) {
            created.add(client.model().createModel(new CreateModelRequest()
                    .name(PREFIX + String.format("%02d", i)).description("paging set")
                    .options(new CreateModelCodeOptions().language(ModelLanguage.PYTHON)))
                    .getResult().getModelId());
        }
        return created;
    }

    private static GetModelsRequest ourSet(int pageSize) {
        return new GetModelsRequest().limit(pageSize).filter(new GetModelsFilter().searchName(PREFIX));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void allModelsReturnsEveryModelOfASetLargerThanThePageExactlyOnce(Transport transport) throws Exception {
        Set<String> created = aSetLargerThanOnePage();
        mock.mock().wireMock().resetRequests();
        List<String> ids = new ArrayList<>();
        decthings(transport).allModels(ourSet(5)).forEach(m -> ids.add(m.getId()));

        assertThat(ids).hasSize(MODELS).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(ids)).isEqualTo(created);
        assertThat(mock.mock().wireMock().countRequestsMatching(
                postRequestedFor(urlPathEqualTo("/v0/Model/getModels")).build()).getCount())
                .as("pages of 5, 5, 5, 5, 3: no page fetched twice, none after the total").isEqualTo(5);
    }

    @Test
    void theQuerysSortAndStartAreKept() throws Exception {
        aSetLargerThanOnePage();
        List<String> names = decthings(Transport.BINARY)
                .allModels(ourSet(4).offset(3).sort("name").sortDirection(SortDirection.DESC))
                .stream().map(Model::getName).collect(Collectors.toList());

        List<String> expected = IntStream.range(0, MODELS).mapToObj(i -> PREFIX + String.format("%02d", i))
                .sorted((a, b) -> b.compareTo(a)).skip(3).toList();
        assertThat(names).isEqualTo(expected);
    }

    @Test
    void aStreamIsLazyAndAPageSizeBelowOneIsRefused() throws Exception {
        aSetLargerThanOnePage();
        assertThat(decthings(Transport.JSON).allModels(ourSet(5)).stream().limit(3).count()).isEqualTo(3);
        assertThatThrownBy(() -> decthings(Transport.JSON).allModels(ourSet(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anApiErrorOnAPageIsAPagingException() {
        DecthingsClient wrongKey = DecthingsClient.builder().baseUrl(mock.decthingsBaseUrl()).apiKey("wrong")
                .build();
        assertThatThrownBy(() -> wrongKey.allModels(ourSet(5)).iterator().hasNext())
                .isInstanceOfSatisfying(ModelPagingException.class, e -> {
                    assertThat(e.offset()).isZero();
                    assertThat(e.error().getCode()).isEqualTo("bad_credentials");
                });
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void asyncAndSyncGiveEqualResults(Transport transport) throws Exception {
        aSetLargerThanOnePage();
        DecthingsClient client = decthings(transport);
        GetModelsRequest query = ourSet(7).sort("name");
        GetModelsResponse sync = client.model().getModels(query);
        GetModelsResponse async = client.modelAsync().getModels(query).get();
        assertThat(async).isEqualTo(sync);
        assertThat(sync.getResult().getModels()).hasSize(7);

        PiecesClient pieces = PiecesClient.builder().baseUrl(mock.piecesBaseUrl()).build();
        assertThat(pieces.modelsAsync().modelsSnapshot().get()).isEqualTo(pieces.models().modelsSnapshot());
        String id = pieces.models().modelsSnapshot().getIterable().get(0).getId();
        assertThat(pieces.modelAsync().modelsSpecificModelSnapshot(id).get())
                .isEqualTo(pieces.model().modelsSpecificModelSnapshot(id));
    }
}
