package dev.modelapi.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.decthings.client.model.CreateModelError;
import dev.modelapi.decthings.client.model.CreateModelResponse;
import dev.modelapi.decthings.client.model.ModelLanguage;
import dev.modelapi.decthings.client.model.SortDirection;
import dev.modelapi.pieces.client.model.ModelDownloadProgress;
import dev.modelapi.pieces.client.model.ModelDownloadProgressStatusEnum;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newer server may send an error code, a union variant or an enum value that this SDK does not know: it becomes a
 * typed unknown that keeps the raw text, never an exception and never a silent null, and it serializes back as it was.
 */
class ForwardCompatibilityTest {

    private static final ObjectMapper DECTHINGS = dev.modelapi.decthings.client.invoker.ApiClient.createDefaultObjectMapper();
    private static final ObjectMapper PIECES = dev.modelapi.pieces.client.invoker.ApiClient.createDefaultObjectMapper();
    /** A strict mapper: the behaviour must not depend on the lenient settings of the generated ApiClient. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    @Test
    void unknownErrorCodeBecomesTheUnknownVariantWithTheRawCode() throws Exception {
        String json = "{\"error\":{\"code\":\"model_on_fire\",\"temperature\":451,\"detail\":{\"since\":[1,2]}}}";
        CreateModelResponse response = DECTHINGS.readValue(json, CreateModelResponse.class);

        assertThat(response.getResult()).isNull();
        assertThat(response.getError()).isInstanceOf(CreateModelError.Unknown.class);
        CreateModelError.Unknown unknown = (CreateModelError.Unknown) response.getError();
        assertThat(unknown.getCode()).isEqualTo("model_on_fire");
        assertThat(unknown.getProperties()).containsOnlyKeys("temperature", "detail");
        assertThat(unknown.getProperties().get("temperature").intValue()).isEqualTo(451);
        assertThat(DECTHINGS.readTree(DECTHINGS.writeValueAsString(response))).isEqualTo(DECTHINGS.readTree(json));
        assertThat(STRICT.readValue(json, CreateModelResponse.class)).isEqualTo(response);
    }

    @Test
    void missingDiscriminatorIsAnUnknownWithNullCodeNotANull() throws Exception {
        CreateModelResponse response = STRICT.readValue("{\"error\":{\"message\":\"?\"}}", CreateModelResponse.class);
        assertThat(response.getError()).isInstanceOfSatisfying(CreateModelError.Unknown.class, u -> {
            assertThat(u.getCode()).isNull();
            assertThat(u.getProperties().get("message").asText()).isEqualTo("?");
        });
    }

    @TestFactory
    List<DynamicTest> everyUnionHasATypedUnknownVariant() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String pkg : List.of(ModelClasses.DECTHINGS_MODEL, ModelClasses.PIECES_MODEL)) {
            for (Class<?> union : ModelClasses.unions(pkg)) {
                tests.add(DynamicTest.dynamicTest(union.getName(), () -> {
                    String property = ModelClasses.discriminator(union);
                    ObjectNode json = STRICT.createObjectNode().put(property, "from_the_future");
                    json.putObject("payload").put("n", 1);
                    Object value = STRICT.treeToValue(json, union);
                    Class<?> unknown = Class.forName(union.getName() + "$Unknown");
                    assertThat(value).isExactlyInstanceOf(unknown);
                    assertThat(union.getPermittedSubclasses()).contains(unknown);
                    Method getter = java.util.Arrays.stream(union.getDeclaredMethods())
                            .filter(m -> !java.lang.reflect.Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0)
                            .findFirst().orElseThrow();
                    assertThat(getter.invoke(value)).isEqualTo("from_the_future");
                    assertThat((JsonNode) STRICT.valueToTree(value)).isEqualTo(json);
                }));
            }
        }
        return tests;
    }

    @Test
    void unknownEnumValueKeepsItsRawText() throws Exception {
        SortDirection sideways = SortDirection.fromValue("sideways");
        assertThat(sideways).isNotNull();
        assertThat(sideways.isKnown()).isFalse();
        assertThat(sideways.getValue()).isEqualTo("sideways");
        assertThat(DECTHINGS.writeValueAsString(sideways)).isEqualTo("\"sideways\"");
        assertThat(SortDirection.values()).containsExactly(SortDirection.ASC, SortDirection.DESC);
        // known values are canonical
        assertThat(SortDirection.fromValue("asc")).isSameAs(SortDirection.ASC);
        assertThat(DECTHINGS.readValue("\"desc\"", SortDirection.class)).isSameAs(SortDirection.DESC);
        assertThat(DECTHINGS.readValue("\"desc\"", SortDirection.class).isKnown()).isTrue();
        assertThat(STRICT.readValue("\"zig\"", ModelLanguage.class)).isEqualTo(ModelLanguage.fromValue("zig"));
        assertThat(STRICT.readValue("null", ModelLanguage.class)).isNull();
    }

    @Test
    void unknownPiecesStatusInsideAnEventRoundTrips() throws Exception {
        String json = "{\"status\":\"VERIFYING\",\"percentage\":99.5}";
        ModelDownloadProgress event = PIECES.readValue(json, ModelDownloadProgress.class);
        assertThat(event.getStatus().isKnown()).isFalse();
        assertThat(event.getStatus().getValue()).isEqualTo("VERIFYING");
        assertThat(event.getStatus()).isNotEqualTo(ModelDownloadProgressStatusEnum.UNKNOWN);
        assertThat(PIECES.readTree(PIECES.writeValueAsString(event))).isEqualTo(PIECES.readTree(json));

        ModelDownloadProgress done = PIECES.readValue("{\"status\":\"IN-PROGRESS\"}", ModelDownloadProgress.class);
        assertThat(done.getStatus()).isSameAs(ModelDownloadProgressStatusEnum.IN_PROGRESS);
    }

    @TestFactory
    List<DynamicTest> everyEnumIsOpen() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String pkg : List.of(ModelClasses.DECTHINGS_MODEL, ModelClasses.PIECES_MODEL)) {
            for (Class<?> e : ModelClasses.openEnums(pkg)) {
                tests.add(DynamicTest.dynamicTest(e.getName(), () -> {
                    Object value = STRICT.readValue("\"NOT_YET_INVENTED\"", e);
                    assertThat(value).isNotNull();
                    assertThat(e.getMethod("isKnown").invoke(value)).isEqualTo(false);
                    assertThat(e.getMethod("getValue").invoke(value)).isEqualTo("NOT_YET_INVENTED");
                    assertThat(STRICT.writeValueAsString(value)).isEqualTo("\"NOT_YET_INVENTED\"");
                    List<?> known = (List<?>) e.getMethod("values").invoke(null);
                    assertThat(known).isNotEmpty();
                    for (Object k : known) {
                        Object again = STRICT.readValue(STRICT.writeValueAsString(k), e);
                        assertThat(again).isSameAs(k);
                    }
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThan(5);
        return tests;
    }
}
