package dev.modelapi.mock.server;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import dev.modelapi.mock.Mode;
import dev.modelapi.mock.recorded.ApiKind;
import dev.modelapi.mock.recorded.RecordedMappings;
import dev.modelapi.mock.recorded.StubParameters;
import dev.modelapi.mock.recorded.StubPriorities;

import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Loads the mock's own stubs whenever WireMock loads its default mappings (at start and on every
 * {@code /__admin/reset}): the shipped example stubs for the mode, and the two catch-alls that hand every other
 * request to the simulation (simulate mode) or answer "no example" (recorded mode).
 */
public final class ApiStubsLoader implements MappingsLoaderExtension {

    private final Mode mode;

    public ApiStubsLoader(Mode mode) {
        this.mode = mode;
    }

    @Override
    public String getName() {
        return "modelapi-stubs";
    }

    @Override
    public void loadMappingsInto(StubMappings stubMappings) {
        RecordedMappings.load().stubsFor(mode).forEach(stubMappings::addMapping);
        stubMappings.addMapping(catchAll(ApiKind.DECTHINGS, StubPriorities.DECTHINGS_CATCH_ALL));
        stubMappings.addMapping(catchAll(ApiKind.PIECES, StubPriorities.PIECES_CATCH_ALL));
    }

    private StubMapping catchAll(ApiKind api, int priority) {
        Map<String, Object> params = StubParameters.forStub(api, StubParameters.Role.SIMULATE, null, null, null);
        StubMapping stub = (api == ApiKind.DECTHINGS ? any(urlPathMatching("/v0(/.*)?")) : any(anyUrl()))
                .atPriority(priority)
                .willReturn(ResponseDefinitionBuilder.responseDefinition().withTransformerParameters(params))
                .build();
        stub.setId(UUID.nameUUIDFromBytes(("modelapi:catch-all:" + api.wireName()).getBytes()));
        stub.setName("modelapi " + api.wireName() + " " + (mode == Mode.SIMULATE ? "simulation" : "no example"));
        return stub;
    }
}
