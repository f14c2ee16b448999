package dev.modelapi.mock.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.modelapi.mock.Mode;
import dev.modelapi.mock.junit.DecthingsUrl;
import dev.modelapi.mock.junit.ModelApiMockTest;
import dev.modelapi.mock.junit.PiecesUrl;
import dev.modelapi.mock.support.Decthings;
import dev.modelapi.mock.support.Http;
import dev.modelapi.spec.ModelApiSpec;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --mode recorded}: every operation answers the spec's examples, chosen with the Prefer header. */
@ModelApiMockTest(mode = Mode.RECORDED)
class RecordedModeTest {

    private static JsonNode spec(ModelApiSpec spec) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(spec.text());
    }

    private static JsonNode example(JsonNode spec, JsonNode exampleOrRef) {
        JsonNode ref = exampleOrRef.get("$ref");
        if (ref != null) {
            String name = ref.asText().substring(ref.asText().lastIndexOf('/') + 1);
            return spec.path("components").path("examples").path(name).path("value");
        }
        return exampleOrRef.path("value");
    }

    @Test
    void everyDecthingsOperationServesItsSuccessAndEveryErrorExampleInBothEncodings(@DecthingsUrl String base)
            throws Exception {
        JsonNode spec = spec(ModelApiSpec.DECTHINGS);
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String method = path.getKey().substring("/Model/".length());
            JsonNode op = path.getValue().path("post");
            String request = example(spec, op.path("requestBody").path("content").path("application/json")
                    .path("examples").path("success")).toString();
            JsonNode examples = op.path("responses").path("200").path("content").path("application/json")
                    .path("examples");
            // no Prefer: the success example
            assertThat(Decthings.framed(base).call(method, request)).as(method)
                    .isEqualTo(example(spec, examples.path("success")));
            for (Iterator<Map.Entry<String, JsonNode>> ex = examples.fields(); ex.hasNext(); ) {
                Map.Entry<String, JsonNode> e = ex.next();
                JsonNode expected = example(spec, e.getValue());
                assertThat(Decthings.json(base, "Prefer", "example=" + e.getKey()).call(method, request))
                        .as(method + " example " + e.getKey()).isEqualTo(expected);
                String code = expected.path("error").path("code").asText(null);
                if (e.getKey().equals(code)) {
                    assertThat(Decthings.framed(base, "Prefer", "code=" + code).call(method, request))
                            .as(method + " code " + code).isEqualTo(expected);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(33 * 5);
    }

    @Test
    void decthingsStatusCodesArePreferableToo(@DecthingsUrl String base) {
        String req = "{\"modelId\":\"m\"}";
        assertThat(Decthings.json(base, "Prefer", "code=500").raw("deleteModel", req).status()).isEqualTo(500);
        assertThat(Decthings.json(base, "Prefer", "code=200").call("deleteModel", req).path("result").isObject())
                .isTrue();
    }

    @Test
    void requestsAreStillValidatedInRecordedMode(@DecthingsUrl String base) {
        JsonNode e = Decthings.json(base).error("deleteModel", "{\"modelId\":7}");
        assertThat(e.path("code").asText()).isEqualTo("invalid_parameter");
        assertThat(e.path("parameterName").asText()).isEqualTo("modelId");
    }

    @Test
    void anUnknownExampleNameIsReportedNotIgnored(@DecthingsUrl String base, @PiecesUrl String pieces) {
        JsonNode e = Decthings.json(base, "Prefer", "example=nope").error("deleteModel", "{\"modelId\":\"m\"}");
        assertThat(e.path("parameterName").asText()).isEqualTo("Prefer");
        assertThat(e.path("reason").asText()).contains("example=nope").contains("example=success");
        Http.Answer p = Http.post(pieces + "/model/x/load", null, new byte[0], "Prefer", "example=nope");
        assertThat(p.status()).isEqualTo(500);
        assertThat(p.text()).contains("example=nope");
    }

    @Test
    void piecesServesEachStatusExample(@PiecesUrl String base) throws Exception {
        JsonNode spec = spec(ModelApiSpec.PIECES);
        String llama = spec.path("components").path("examples").path("ModelLlama3").path("value").toString();
        assertThat(Decthings.JSON.readTree(Http.get(base + "/model/anything").body()).toString()).isEqualTo(llama);
        Http.Answer gone = Http.get(base + "/model/anything", "Prefer", "code=410");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.text()).isEqualTo("model was not found.");
        Http.Answer failed = Http.post(base + "/model/x/download", null, new byte[0], "Prefer", "code=500");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith("text/plain");
        assertThat(Http.post(base + "/models/unload", null, new byte[0]).status()).isEqualTo(204);
        assertThat(Http.head(base + "/.well-known/health").status()).isEqualTo(200);
        Http.Answer downloading = Http.post(base + "/model/x/download", null, new byte[0]);
        assertThat(Decthings.JSON.readTree(downloading.body()).path("downloading").asBoolean()).isTrue();
    }
}
