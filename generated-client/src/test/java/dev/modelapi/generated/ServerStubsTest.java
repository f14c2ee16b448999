package dev.modelapi.generated;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelapi.decthings.server.api.ModelApi;
import dev.modelapi.decthings.server.model.CreateModelError;
import dev.modelapi.decthings.server.model.CreateModelRequest;
import dev.modelapi.decthings.server.model.CreateModelResponse;
import dev.modelapi.decthings.server.model.CreateModelSimpleError;
import dev.modelapi.decthings.server.model.CreateModelUploadOptions;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated JAX-RS server interfaces are usable by an implementer (e.g. the mock server): routes are on the
 * annotations, models round-trip through Jackson, and unions are sealed interfaces like in the SDK.
 */
class ServerStubsTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** What a mock can do: find the Java method of {@code POST /Model/{method}} from the JAX-RS annotations. */
    static Optional<Method> route(Class<?> api, String path) {
        String base = api.getAnnotation(Path.class).value();
        return Arrays.stream(api.getMethods())
                .filter(m -> m.isAnnotationPresent(POST.class) && m.isAnnotationPresent(Path.class))
                .filter(m -> (base + m.getAnnotation(Path.class).value()).equals(path))
                .findFirst();
    }

    @Test
    void decthingsRoutesAreOnTheInterface() {
        assertThat(ModelApi.class.getAnnotation(Path.class).value()).isEqualTo("/Model");
        Method createModel = route(ModelApi.class, "/Model/createModel").orElseThrow();
        assertThat(createModel.getParameterTypes()).containsExactly(CreateModelRequest.class);
        assertThat(createModel.getReturnType()).isEqualTo(CreateModelResponse.class);
        assertThat(route(ModelApi.class, "/Model/getModels")).isPresent();
    }

    @Test
    void anImplementationAnswersWithTypedVariants() throws Exception {
        ModelApi impl = (ModelApi) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ModelApi.class},
                (proxy, method, args) -> {
                    CreateModelRequest request = (CreateModelRequest) args[0];
                    CreateModelError error = request.getOptions() instanceof CreateModelUploadOptions
                            ? new CreateModelSimpleError().code("quota_exceeded")
                            : new CreateModelSimpleError().code("access_denied");
                    return new CreateModelResponse().error(error);
                });
        Method createModel = route(ModelApi.class, "/Model/createModel").orElseThrow();
        Object request = JSON.readValue("{\"name\":\"n\",\"description\":\"d\",\"options\":"
                + "{\"type\":\"upload\",\"format\":\"onnx\",\"data\":\"AQID\"}}", createModel.getParameterTypes()[0]);

        Object response = createModel.invoke(impl, request);

        assertThat(JSON.writeValueAsString(response)).isEqualTo("{\"error\":{\"code\":\"quota_exceeded\"}}");
        assertThat(CreateModelError.class.isSealed()).isTrue();
        assertThat(((CreateModelUploadOptions) ((CreateModelRequest) request).getOptions()).getData())
                .containsExactly(1, 2, 3);
    }

    @Test
    void piecesRoutesAreOnTheInterfaces() {
        Class<?> model = dev.modelapi.pieces.server.api.ModelApi.class;
        assertThat(model.getAnnotation(Path.class).value()).isEqualTo("/model");
        assertThat(route(model, "/model/{model}/download")).isPresent();
        assertThat(route(dev.modelapi.pieces.server.api.ModelsApi.class, "/models/create")).isPresent();
    }
}
