package dev.modelapi.client;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.modelapi.decthings.client.DecthingsClient;
import dev.modelapi.decthings.client.Transport;
import dev.modelapi.decthings.client.model.CreateModelCodeOptions;
import dev.modelapi.decthings.client.model.CreateModelRequest;
import dev.modelapi.decthings.client.model.CreateModelResponse;
import dev.modelapi.decthings.client.model.GetModelsRequest;
import dev.modelapi.decthings.client.model.GetModelsResponse;
import dev.modelapi.decthings.client.model.ModelLanguage;
import dev.modelapi.pieces.client.PiecesClient;
import dev.modelapi.pieces.client.invoker.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retries of both clients against a real WireMock on loopback: a scenario answers "busy" a given number of times and
 * then succeeds; the journal shows how many requests arrived and how far apart, the policy's listener which delays
 * were chosen. Jitter is 0 so the delays are exact.
 */
class RetryTest {

    private static final String BUSY = "{\"error\":{\"code\":\"too_many_requests\"}}";
    private static final String MODELS = "{\"result\":{\"models\":[],\"total\":0,\"offset\":0,\"limit\":20}}";
    private static final String MODELS_PATH = "/v0/Model/getModels";

    @RegisterExtension
    static final WireMockExtension wm = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final List<String> retries = new CopyOnWriteArrayList<>();

    private RetryPolicy.Builder policy() {
        return RetryPolicy.builder().initialBackoff(Duration.ofMillis(100)).multiplier(2).jitter(0)
                .listener((attempt, delay, reason) -> retries.add(attempt + ":" + delay.toMillis() + "ms:" + reason));
    }

    private DecthingsClient decthings(Transport transport, RetryPolicy policy) {
        return DecthingsClient.builder().baseUrl("http://127.0.0.1:" + wm.getPort() + "/v0").apiKey("k")
                .transport(transport).retryPolicy(policy).timeout(Duration.ofSeconds(10)).build();
    }

    private PiecesClient pieces(RetryPolicy policy) {
        return PiecesClient.builder().baseUrl("http://127.0.0.1:" + wm.getPort()).retryPolicy(policy).build();
    }

    /** {@code path} answers {@code busy} for the first {@code times} calls, then {@code success}. */
    private static void busyThenSuccess(String path, int times, ResponseDefinitionBuilder busy,
            String success) {
        String state = STARTED;
        for (int i = 1; i <= times; i++) {
            String next = "busy-" + i;
            wm.stubFor(post(path).inScenario("busy").whenScenarioStateIs(state).willReturn(busy).willSetStateTo(next));
            wm.stubFor(get(path).inScenario("busy").whenScenarioStateIs(state).willReturn(busy).willSetStateTo(next));
            state = next;
        }
        wm.stubFor(post(path).inScenario("busy").whenScenarioStateIs(state).willReturn(json(success)));
        wm.stubFor(get(path).inScenario("busy").whenScenarioStateIs(state).willReturn(json(success)));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Milliseconds between consecutive POSTs to {@code path}, in arrival order. */
    private static List<Long> gaps(String path) {
        List<LoggedRequest> ordered = wm.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < ordered.size(); i++) {
            gaps.add(ordered.get(i).getLoggedDate().getTime() - ordered.get(i - 1).getLoggedDate().getTime());
        }
        return gaps;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void tooManyRequestsTwiceThenSuccessIsRetriedWithTheConfiguredBackoff(Transport transport) throws Exception {
        busyThenSuccess(MODELS_PATH, 2, json(BUSY), MODELS);
        GetModelsResponse response = decthings(transport, policy().build()).model().getModels(new GetModelsRequest());

        assertThat(response.getError()).isNull();
        assertThat(response.getResult().getTotal()).isZero();
        assertThat(retries).containsExactly("2:100ms:too_many_requests", "3:200ms:too_many_requests");
        assertThat(gaps(MODELS_PATH)).hasSize(2);
        assertThat(gaps(MODELS_PATH).get(0)).isGreaterThanOrEqualTo(100);
        assertThat(gaps(MODELS_PATH).get(1)).isGreaterThanOrEqualTo(200);
    }

    @Test
    void retriesStopAtTheLimitAndTheBusyAnswerIsReturned() throws Exception {
        wm.stubFor(post(MODELS_PATH).willReturn(json(BUSY)));
        GetModelsResponse response = decthings(Transport.JSON, policy().maxAttempts(4).build())
                .model().getModels(new GetModelsRequest());

        assertThat(response.getError().getCode()).isEqualTo("too_many_requests");
        assertThat(wm.findAll(postRequestedFor(urlEqualTo(MODELS_PATH)))).hasSize(4);
        assertThat(retries).containsExactly("2:100ms:too_many_requests", "3:200ms:too_many_requests",
                "4:400ms:too_many_requests");
    }

    @Test
    void theBackoffIsCappedAtMaxBackoff() throws Exception {
        wm.stubFor(post(MODELS_PATH).willReturn(json(BUSY)));
        decthings(Transport.JSON, policy().maxAttempts(4).initialBackoff(Duration.ofMillis(40))
                .multiplier(3).maxBackoff(Duration.ofMillis(100)).build()).model().getModels(new GetModelsRequest());

        assertThat(retries).containsExactly("2:40ms:too_many_requests", "3:100ms:too_many_requests",
                "4:100ms:too_many_requests");
    }

    @Test
    void aNonIdempotentCallIsNotRetriedUnlessAsked() throws Exception {
        String path = "/v0/Model/createModel";
        wm.stubFor(post(path).willReturn(json(BUSY)));
        CreateModelRequest request = new CreateModelRequest().name("m").description("d")
                .options(new CreateModelCodeOptions().language(ModelLanguage.PYTHON));

        CreateModelResponse once = decthings(Transport.JSON, policy().build()).model().createModel(request);
        assertThat(once.getError().getCode()).isEqualTo("too_many_requests");
        assertThat(wm.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(1);
        assertThat(retries).isEmpty();

        wm.resetRequests();
        decthings(Transport.JSON, policy().retryNonIdempotent(true).build()).model().createModel(request);
        assertThat(wm.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(3);
    }

    @Test
    void http429RetryAfterSecondsIsHonoured() throws Exception {
        busyThenSuccess(MODELS_PATH, 1, aResponse().withStatus(429).withHeader("Retry-After", "1"), MODELS);
        GetModelsResponse response = decthings(Transport.BINARY, policy().initialBackoff(Duration.ofMillis(10)).build())
                .model().getModels(new GetModelsRequest());

        assertThat(response.getError()).isNull();
        assertThat(retries).containsExactly("2:1000ms:HTTP 429");
        assertThat(gaps(MODELS_PATH).get(0)).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aRetryAfterBeyondTheLimitReturnsTheBusyAnswerAtOnce() {
        wm.stubFor(post(MODELS_PATH).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")));
        DecthingsClient client = decthings(Transport.JSON, policy().maxRetryAfter(Duration.ofSeconds(5)).build());

        assertThatThrownBy(() -> client.model().getModels(new GetModelsRequest()))
                .isInstanceOfSatisfying(dev.modelapi.decthings.client.invoker.ApiException.class,
                        e -> assertThat(e.getCode()).isEqualTo(503));
        assertThat(wm.findAll(postRequestedFor(urlEqualTo(MODELS_PATH)))).hasSize(1);
        assertThat(retries).isEmpty();
    }

    @Test
    void noneNeverRetries() {
        wm.stubFor(post(MODELS_PATH).willReturn(aResponse().withStatus(429)));
        assertThatThrownBy(() -> decthings(Transport.JSON, RetryPolicy.none()).model().getModels(new GetModelsRequest()))
                .isInstanceOf(dev.modelapi.decthings.client.invoker.ApiException.class);
        assertThat(wm.findAll(postRequestedFor(urlEqualTo(MODELS_PATH)))).hasSize(1);
    }

    @Test
    void asyncCallsRetryTheSameWay() throws Exception {
        busyThenSuccess(MODELS_PATH, 2, json(BUSY), MODELS);
        GetModelsResponse response = decthings(Transport.BINARY, policy().build()).modelAsync()
                .getModels(new GetModelsRequest()).get();

        assertThat(response.getError()).isNull();
        assertThat(retries).containsExactly("2:100ms:too_many_requests", "3:200ms:too_many_requests");
        assertThat(gaps(MODELS_PATH)).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(100));
    }

    @Test
    void piecesRetriesIdempotentCallsOn503() throws Exception {
        busyThenSuccess("/models", 2, aResponse().withStatus(503), "{\"iterable\":[]}");
        assertThat(pieces(policy().build()).models().modelsSnapshot().getIterable()).isEmpty();
        assertThat(retries).containsExactly("2:100ms:HTTP 503", "3:200ms:HTTP 503");

        retries.clear();
        wm.resetAll();
        busyThenSuccess("/models", 1, aResponse().withStatus(429), "{\"iterable\":[]}");
        assertThat(pieces(policy().build()).modelsAsync().modelsSnapshot().get().getIterable()).isEmpty();
        assertThat(retries).containsExactly("2:100ms:HTTP 429");
    }

    @Test
    void piecesDoesNotRetryAPost() {
        wm.stubFor(post("/models/unload").willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> pieces(policy().build()).models().unloadModels())
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(503));
        assertThat(wm.findAll(postRequestedFor(urlEqualTo("/models/unload")))).hasSize(1);
        assertThat(retries).isEmpty();
    }

    @Test
    void theDefaultPolicyIsDocumentedAndOn() {
        RetryPolicy defaults = RetryPolicy.defaults();
        assertThat(decthings(Transport.JSON, defaults).retryPolicy()).isSameAs(DecthingsClient.builder()
                .baseUrl("http://127.0.0.1:1/v0").build().retryPolicy());
        assertThat(defaults.maxAttempts()).isEqualTo(3);
        assertThat(defaults.retryNonIdempotent()).isFalse();
        assertThat(defaults.delayAfter(1, null, 0)).isEqualTo(Duration.ofMillis(200));
        assertThat(defaults.delayAfter(2, null, 0)).isEqualTo(Duration.ofMillis(400));
        assertThat(defaults.delayAfter(2, null, 0.999)).isBetween(Duration.ofMillis(200), Duration.ofMillis(201));
        assertThat(defaults.delayAfter(10, null, 0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(PiecesClient.builder().build().retryPolicy()).isSameAs(defaults);
    }
}
