package dev.modelapi.mock.junit;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.support.Decthings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * The extension's promise that a test fails when the mock served something the spec does not allow, checked the way
 * a user sees it: the fixture classes below run through the real Jupiter engine (JUnit Platform's EngineTestKit),
 * and the outcome the engine reports is asserted. The fixtures are static nested classes, so neither Surefire nor
 * the engine runs them on their own.
 */
class ConformanceFailureEngineTest {

    /** A user stub that breaks the getModels result schema (an undeclared property). */
    static final String NON_CONFORMANT_GET_MODELS = "{\"result\":{\"models\":[],\"extra\":1}}";

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
    }

    @Test
    void aTestDuringWhichTheMockServedANonConformantAnswerFailsWithTheViolation() {
        Events events = run(AnnotatedFixture.class);

        events.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        events.assertThatEvents()
                .haveExactly(1, event(test("servesWhatTheSpecAllows"), finishedSuccessfully()))
                .haveExactly(1, event(test("servesAnUndeclaredProperty"), finishedWithFailure(
                        instanceOf(AssertionError.class),
                        message(m -> m.contains("The mock served 1 response(s) that do not conform to the spec")
                                && m.contains("POST /v0/Model/getModels") && m.contains("extra")))));
    }

    @Test
    void aViolationFailsOnlyTheTestDuringWhichItWasServed() {
        // the fixture's methods run in order: the violation of the first must not leak into the second
        Events events = run(OrderedFixture.class);

        events.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        events.assertThatEvents()
                .haveExactly(1, event(test("a_servesAWrongErrorCode"), finishedWithFailure(
                        message(m -> m.contains("POST /v0/Model/deleteModel") && m.contains("teapot")))))
                .haveExactly(1, event(test("b_servesTheSimulation"), finishedSuccessfully()));
    }

    @Test
    void aUserMappingsFolderThatViolatesTheSpecFailsTheTestThatHitsIt() {
        Events events = run(UserMappingsFixture.class);

        events.assertStatistics(s -> s.started(1).failed(1));
        events.assertThatEvents().haveExactly(1, event(test("callsTheUserMapping"), finishedWithFailure(
                instanceOf(AssertionError.class), message(m -> m.contains("extra")))));
    }

    @Test
    void withValidationOffTheSameAnswerDoesNotFailTheTest() {
        Events events = run(ValidationOffFixture.class);

        events.assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    }

    // ------------------------------------------------------------------ fixtures (run only through the engine)

    @ModelApiMockTest
    static class AnnotatedFixture {

        @Test
        void servesAnUndeclaredProperty(ModelApiMock mock, @DecthingsUrl String decthings) {
            mock.wireMock().stubFor(WireMock.post(urlPathEqualTo("/v0/Model/getModels"))
                    .willReturn(aResponse().withStatus(200).withBody(NON_CONFORMANT_GET_MODELS)));
            // the client sees the answer; the test body itself passes
            assertThat(Decthings.json(decthings).call("getModels", "{}").path("result").has("extra")).isTrue();
        }

        @Test
        void servesWhatTheSpecAllows(@DecthingsUrl String decthings) {
            assertThat(Decthings.json(decthings).result("getModels", "{}").path("models").isArray()).isTrue();
        }
    }

    @ModelApiMockTest
    @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
    static class OrderedFixture {

        @Test
        void a_servesAWrongErrorCode(ModelApiMock mock, @DecthingsUrl String decthings) {
            mock.wireMock().stubFor(WireMock.post(urlPathEqualTo("/v0/Model/deleteModel"))
                    .willReturn(aResponse().withStatus(200).withBody("{\"error\":{\"code\":\"teapot\"}}")));
            Decthings.framed(decthings).raw("deleteModel", "{\"modelId\":\"m\"}");
        }

        @Test
        void b_servesTheSimulation(@DecthingsUrl String decthings) {
            // the reset before this test removed the stub: the simulation answers, conformantly
            assertThat(Decthings.json(decthings).error("deleteModel", "{\"modelId\":\"m\"}").path("code").asText())
                    .isEqualTo("model_not_found");
        }
    }

    static class UserMappingsFixture {

        @RegisterExtension
        static ModelApiMockExtension mock = ModelApiMockExtension.of(ModelApiMock.builder()
                .mappingsDir(writeMapping()));

        private static Path writeMapping() {
            try {
                Path dir = Files.createTempDirectory("modelapi-user-mappings");
                dir.toFile().deleteOnExit(); // deleteOnExit runs in reverse order: the file first, then the folder
                Path file = Files.writeString(dir.resolve("get-models.json"), """
                        {"request": {"method": "POST", "urlPath": "/v0/Model/getModels"},
                         "response": {"status": 200, "jsonBody": %s}}
                        """.formatted(NON_CONFORMANT_GET_MODELS));
                file.toFile().deleteOnExit();
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Test
        void callsTheUserMapping() {
            Decthings.json(mock.decthingsBaseUrl()).call("getModels", "{}");
        }
    }

    @ModelApiMockTest(validateResponses = false)
    static class ValidationOffFixture {

        @Test
        void servesAnUndeclaredProperty(ModelApiMock mock, @DecthingsUrl String decthings) {
            mock.wireMock().stubFor(WireMock.post(urlPathEqualTo("/v0/Model/getModels"))
                    .willReturn(aResponse().withStatus(200).withBody(NON_CONFORMANT_GET_MODELS)));
            Decthings.json(decthings).call("getModels", "{}");
        }
    }
}
