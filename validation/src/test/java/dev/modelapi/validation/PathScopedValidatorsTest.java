package dev.modelapi.validation;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which validator a request path gets, and that each is built once. */
class PathScopedValidatorsTest {

    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            servers: [{url: 'http://localhost/api'}]
            paths:
              /things/{id}:
                get: {responses: {'200': {description: ok}}}
              /things/special:
                get: {responses: {'200': {description: ok}}}
              /other:
                post: {responses: {'200': {description: ok}}}
            """;

    private final List<Set<String>> built = new ArrayList<>();
    private final Map<OpenApiInteractionValidator, Set<String>> scopes = new IdentityHashMap<>();
    private final PathScopedValidators validators = new PathScopedValidators(
            new OpenAPIV3Parser().readContents(SPEC).getOpenAPI(), "/api", this::build);

    private OpenApiInteractionValidator build(OpenAPI scope) {
        Set<String> paths = Set.copyOf(scope.getPaths().keySet());
        built.add(paths);
        OpenApiInteractionValidator v = OpenApiInteractionValidator.createFor(scope).withBasePathOverride("/api")
                .build();
        scopes.put(v, paths);
        return v;
    }

    @Test
    void aPathThatMatchesOneTemplateGetsAValidatorForThatTemplateOnly() {
        OpenApiInteractionValidator v = validators.forPath("/api/things/abc");
        assertThat(scopes.get(v)).containsExactly("/things/{id}");
        assertThat(validators.forPath("/api/things/xyz")).isSameAs(v);
        assertThat(validators.forPath("/api/OTHER")).satisfies(o -> assertThat(scopes.get(o)).containsExactly("/other"));
        assertThat(built).hasSize(3);
    }

    @Test
    void aPathThatMatchesSeveralTemplatesOrNoneGetsTheWholeSpec() {
        Set<String> whole = Set.of("/things/{id}", "/things/special", "/other");
        assertThat(scopes.get(validators.forPath("/api/things/special"))).isEqualTo(whole);
        assertThat(scopes.get(validators.forPath("/api/nowhere"))).isEqualTo(whole);
        assertThat(scopes.get(validators.forPath("/api/things/a/b"))).isEqualTo(whole);
        assertThat(built).containsExactly(whole);
    }

    @Test
    void theVerdictsAreTheLibrarys() {
        assertThat(validators.forPath("/api/nowhere")
                .validateRequest(SimpleRequest.Builder.get("/api/nowhere").build()).getMessages())
                .anySatisfy(m -> assertThat(m.getKey()).isEqualTo("validation.request.path.missing"));
        assertThat(validators.forPath("/api/other")
                .validateRequest(SimpleRequest.Builder.get("/api/other").build()).getMessages())
                .anySatisfy(m -> assertThat(m.getKey()).isEqualTo("validation.request.operation.notAllowed"));
        assertThat(validators.forPath("/api/things/special")
                .validateRequest(new SimpleRequest.Builder(Request.Method.GET, "/api/things/special").build())
                .hasErrors()).isFalse();
    }
}
