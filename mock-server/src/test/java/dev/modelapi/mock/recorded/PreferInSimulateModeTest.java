package dev.modelapi.mock.recorded;

import dev.modelapi.mock.junit.DecthingsUrl;
import dev.modelapi.mock.junit.ModelApiMockTest;
import dev.modelapi.mock.junit.PiecesUrl;
import dev.modelapi.mock.support.Decthings;
import dev.modelapi.mock.support.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** In simulate mode the Prefer header still picks a recorded example; without it the simulation answers. */
@ModelApiMockTest
class PreferInSimulateModeTest {

    private static final String CREATE = "{\"name\":\"p\",\"description\":\"d\",\"options\":{\"type\":\"code\","
            + "\"language\":\"python\"}}";

    @Test
    void preferPicksAnExampleAndTheSimulationIsUntouched(@DecthingsUrl String base) {
        assertThat(Decthings.framed(base, "Prefer", "code=quota_exceeded").error("createModel", CREATE).path("code")
                .asText()).isEqualTo("quota_exceeded");
        assertThat(Decthings.json(base, "Prefer", "respond-async, example=success_creating_initial_state")
                .result("createModel", CREATE).path("isNowCreating").asBoolean()).isTrue();
        // the simulation did not see those calls: the name is still free
        assertThat(Decthings.json(base).result("createModel", CREATE).path("isNowCreating").asBoolean()).isFalse();
        assertThat(Decthings.json(base).error("createModel", CREATE).path("code").asText())
                .isEqualTo("name_already_used");
    }

    @Test
    void exampleWinsOverCode(@DecthingsUrl String base) {
        assertThat(Decthings.json(base, "Prefer", "code=unknown, example=access_denied").error("createModel", CREATE)
                .path("code").asText()).isEqualTo("access_denied");
    }

    @Test
    void piecesStatusByPrefer(@PiecesUrl String base) {
        Http.Answer a = Http.post(base + "/model/3c1a8f5e-6b2d-4e7a-9f10-2d4b8c6e1a57/load", null, new byte[0],
                "Prefer", "code=500");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.text()).isEqualTo("Internal Server Error");
    }
}
