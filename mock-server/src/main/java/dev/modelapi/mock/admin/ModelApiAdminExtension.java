package dev.modelapi.mock.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.modelapi.mock.http.MockJson;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The mock's additions to WireMock's admin API:
 * <ul>
 *   <li>{@code POST /__admin/modelapi/reset}, optional body {@code {"seed": N}}: back to the seeded initial state
 *       (WireMock's stubs and request journal are untouched; {@code POST /__admin/reset} does those).
 *       Answers {@code {"seed": N}}.</li>
 *   <li>{@code GET /__admin/modelapi}: mode, seed, base URLs, fixtures.</li>
 * </ul>
 */
public final class ModelApiAdminExtension implements AdminApiExtension {

    private final MockControl control;

    public ModelApiAdminExtension(MockControl control) {
        this.control = control;
    }

    @Override
    public String getName() {
        return "modelapi-admin";
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(RequestMethod.POST, "/modelapi/reset", (admin, serveEvent, pathParams) -> reset(serveEvent));
        router.add(RequestMethod.GET, "/modelapi", (admin, serveEvent, pathParams) -> json(200, control.describe()));
    }

    private ResponseDefinition reset(ServeEvent serveEvent) {
        OptionalLong seed = OptionalLong.empty();
        byte[] body = serveEvent.getRequest().getBody();
        if (body != null && body.length > 0) {
            try {
                JsonNode json = MockJson.MAPPER.readTree(body);
                JsonNode s = json == null ? null : json.get("seed");
                if (s != null && !s.isNull()) {
                    if (!s.canConvertToLong()) {
                        return json(400, Map.of("error", "seed must be an integer"));
                    }
                    seed = OptionalLong.of(s.asLong());
                }
            } catch (IOException e) {
                return json(400, Map.of("error", "The body must be JSON like {\"seed\": 42}"));
            }
        }
        return json(200, Map.of("seed", control.resetSimulation(seed)));
    }

    private static ResponseDefinition json(int status, Object body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(MockJson.bytes(body)).build();
    }
}
