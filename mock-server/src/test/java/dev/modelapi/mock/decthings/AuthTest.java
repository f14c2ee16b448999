package dev.modelapi.mock.decthings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.decthings.client.tensor.DecthingsTensor;
import dev.modelapi.mock.junit.DecthingsUrl;
import dev.modelapi.mock.junit.ModelApiMockTest;
import dev.modelapi.mock.support.Decthings;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --api-key}: the right bearer key, a wrong or missing one, and anonymous access to public models. */
@ModelApiMockTest(apiKey = "s3cret")
class AuthTest {

    private static final String CREATE = "{\"name\":\"a\",\"description\":\"d\",\"options\":{\"type\":\"code\","
            + "\"language\":\"go\"}}";

    @Test
    void rightKeyWorksInBothEncodings(@DecthingsUrl String base) {
        assertThat(Decthings.framed(base, "Authorization", "Bearer s3cret").result("createModel", CREATE)
                .path("modelId").asText()).isNotEmpty();
        assertThat(Decthings.json(base, "Authorization", "bearer   s3cret ").result("getModels", "{}")
                .path("total").asInt()).isEqualTo(3);
    }

    @Test
    void wrongOrMissingKeyIsBadCredentials(@DecthingsUrl String base) {
        for (Decthings d : new Decthings[] {Decthings.framed(base), Decthings.json(base, "Authorization", "Bearer no"),
                Decthings.framed(base, "Authorization", "Basic czNjcmV0"),
                Decthings.json(base, "Authorization", "s3cret")}) {
            assertThat(d.error("createModel", CREATE).path("code").asText()).isEqualTo("bad_credentials");
        }
        // a wrong key is refused even where anonymous calls are allowed
        assertThat(Decthings.json(base, "Authorization", "Bearer no").error("getModels", "{}").path("code").asText())
                .isEqualTo("bad_credentials");
    }

    @Test
    void credentialsAreCheckedBeforeTheBody(@DecthingsUrl String base) {
        assertThat(Decthings.json(base).error("createModel", "{}").path("code").asText()).isEqualTo("bad_credentials");
    }

    @Test
    void anonymousCallersSeePublicModelsOnly(@DecthingsUrl String base) {
        Decthings.json(base, "Authorization", "Bearer s3cret").result("createModel", CREATE);
        JsonNode anonymous = Decthings.json(base).result("getModels", "{}");
        assertThat(anonymous.path("total").asInt()).isEqualTo(2);
        anonymous.path("models").forEach(m -> assertThat(m.path("publicAccess").asBoolean()).isTrue());

        String pub = anonymous.path("models").get(0).path("id").asText();
        String image = Base64.getEncoder().encodeToString(DecthingsTensor.f32(new float[28 * 28], 28, 28).serialize());
        JsonNode evaluated = Decthings.framed(base).result("evaluate", "{\"modelId\":\"" + pub + "\",\"params\":["
                + "{\"name\":\"image\",\"data\":{\"type\":\"data\",\"data\":[\"" + image + "\"]}}]}");
        assertThat(evaluated.path("success").path("output")).hasSize(1);
    }
}
