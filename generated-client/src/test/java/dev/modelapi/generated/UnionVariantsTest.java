package dev.modelapi.generated;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.decthings.client.model.CreateModelCodeOptions;
import dev.modelapi.decthings.client.model.CreateModelError;
import dev.modelapi.decthings.client.model.CreateModelOptions;
import dev.modelapi.decthings.client.model.CreateModelResponse;
import dev.modelapi.decthings.client.model.CreateModelSimpleError;
import dev.modelapi.decthings.client.model.CreateModelUploadOptions;
import dev.modelapi.decthings.client.model.DatasetKeyNotFoundError;
import dev.modelapi.decthings.client.model.DatasetNotFoundError;
import dev.modelapi.decthings.client.model.InvalidParameterError;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each branch of each discriminated union deserializes to its own class and serializes back to the same JSON, on the
 * real generated classes of both SDKs (and of the server stubs). The multi-code variants ({@code XSimpleError}) keep
 * the code they were read with.
 */
class UnionVariantsTest {

    private static final ObjectMapper DECTHINGS = dev.modelapi.decthings.client.invoker.ApiClient.createDefaultObjectMapper();
    private static final ObjectMapper PIECES = dev.modelapi.pieces.client.invoker.ApiClient.createDefaultObjectMapper();

    @Test
    void theDecthingsSpecHasUnions() {
        assertThat(ModelClasses.unions(ModelClasses.DECTHINGS_MODEL))
                .contains(CreateModelError.class, CreateModelOptions.class);
        assertThat(CreateModelError.class.isSealed()).isTrue();
        assertThat(CreateModelSimpleError.class).isFinal();
    }

    /**
     * Routing of every mapping value of every union to its class (payload fields are covered with real values by
     * {@link SpecExamplesRoundTripTest}, which runs every example of both specs through the SDK and the stub models).
     */
    @TestFactory
    List<DynamicTest> everyBranchOfEveryUnionRoundTrips() {
        List<DynamicTest> tests = new ArrayList<>();
        addBranchTests(tests, ModelClasses.DECTHINGS_MODEL, DECTHINGS);
        addBranchTests(tests, ModelClasses.PIECES_MODEL, PIECES);
        return tests;
    }

    private static void addBranchTests(List<DynamicTest> tests, String pkg, ObjectMapper mapper) {
        for (Class<?> union : ModelClasses.unions(pkg)) {
            String property = ModelClasses.discriminator(union);
            for (JsonSubTypes.Type variant : ModelClasses.variants(union)) {
                tests.add(DynamicTest.dynamicTest(union.getSimpleName() + " " + property + "=" + variant.name()
                        + " -> " + variant.value().getSimpleName(), () -> {
                    ObjectNode json = mapper.createObjectNode().put(property, variant.name());
                    Object value = mapper.treeToValue(json, union);
                    assertThat(value).isExactlyInstanceOf(variant.value());
                    // required properties are written even when null; the JSON here has none of them
                    ObjectNode written = mapper.valueToTree(value);
                    List<String> nulls = new ArrayList<>();
                    written.fields().forEachRemaining(e -> {
                        if (e.getValue().isNull()) {
                            nulls.add(e.getKey());
                        }
                    });
                    written.remove(nulls);
                    assertThat((JsonNode) written).isEqualTo(json);
                }));
            }
        }
    }

    @Test
    void multiCodeVariantKeepsItsOwnCode() throws Exception {
        for (String code : List.of("name_already_used", "access_denied", "quota_exceeded", "bad_credentials", "unknown")) {
            String json = "{\"error\":{\"code\":\"" + code + "\"}}";
            CreateModelResponse response = DECTHINGS.readValue(json, CreateModelResponse.class);
            assertThat(response.getError()).isInstanceOf(CreateModelSimpleError.class);
            assertThat(response.getError().getCode()).isEqualTo(code);
            assertThat(DECTHINGS.writeValueAsString(response)).isEqualTo(json);
        }
        // built by hand, too: the code set is the one written (never the first mapping key)
        CreateModelSimpleError quota = new CreateModelSimpleError().code("quota_exceeded");
        assertThat(DECTHINGS.writeValueAsString(new CreateModelResponse().error(quota)))
                .isEqualTo("{\"error\":{\"code\":\"quota_exceeded\"}}");
    }

    @Test
    void payloadVariantsKeepTheirFields() throws Exception {
        String invalid = "{\"error\":{\"code\":\"invalid_parameter\",\"parameterName\":\"options.language\",\"reason\":\"Expected one of: python, rust\"}}";
        String dataset = "{\"error\":{\"code\":\"dataset_not_found\",\"datasetId\":\"d-1\"}}";
        String datasetKey = "{\"error\":{\"code\":\"dataset_key_not_found\",\"datasetId\":\"d-1\",\"datasetKey\":\"train\"}}";

        CreateModelError e1 = DECTHINGS.readValue(invalid, CreateModelResponse.class).getError();
        CreateModelError e2 = DECTHINGS.readValue(dataset, CreateModelResponse.class).getError();
        CreateModelError e3 = DECTHINGS.readValue(datasetKey, CreateModelResponse.class).getError();

        assertThat(e1).isInstanceOfSatisfying(InvalidParameterError.class, e -> {
            assertThat(e.getParameterName()).isEqualTo("options.language");
            assertThat(e.getReason()).isEqualTo("Expected one of: python, rust");
        });
        assertThat(e2).isInstanceOfSatisfying(DatasetNotFoundError.class, e -> assertThat(e.getDatasetId()).isEqualTo("d-1"));
        assertThat(e3).isInstanceOfSatisfying(DatasetKeyNotFoundError.class, e -> assertThat(e.getDatasetKey()).isEqualTo("train"));
        assertThat(describe(e1)).isEqualTo("invalid parameter options.language");
        assertThat(describe(e2)).isEqualTo("dataset d-1 not found");

        for (String json : List.of(invalid, dataset, datasetKey)) {
            assertThat(DECTHINGS.readTree(DECTHINGS.writeValueAsString(DECTHINGS.readValue(json, CreateModelResponse.class))))
                    .isEqualTo(DECTHINGS.readTree(json));
        }
    }

    /** What user code looks like: branching on the sealed interface with instanceof. */
    private static String describe(CreateModelError error) {
        if (error instanceof InvalidParameterError e) {
            return "invalid parameter " + e.getParameterName();
        } else if (error instanceof DatasetNotFoundError e) {
            return "dataset " + e.getDatasetId() + " not found";
        } else if (error instanceof DatasetKeyNotFoundError e) {
            return "key " + e.getDatasetKey() + " not found";
        } else if (error instanceof CreateModelSimpleError e) {
            return e.getCode();
        } else if (error instanceof CreateModelError.Unknown e) {
            return "unknown to this SDK: " + e.getCode();
        }
        throw new AssertionError("unreachable: the interface is sealed");
    }

    /**
     * A variant that stands for one discriminator value starts with it, in the SDK and in the server stubs (the spec's
     * {@code default}, see spec/README.md rule 3): nobody writes {@code .type("upload")}. A variant that stands for
     * several values ({@code XSimpleError}) starts without one: its user picks the code.
     */
    @TestFactory
    List<DynamicTest> aNewVariantCarriesItsDiscriminatorWhenItHasOnlyOne() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String pkg : List.of(ModelClasses.DECTHINGS_MODEL, ModelClasses.DECTHINGS_SERVER_MODEL)) {
            for (Class<?> union : ModelClasses.unions(pkg)) {
                String property = ModelClasses.discriminator(union);
                java.util.Map<Class<?>, List<String>> values = new java.util.LinkedHashMap<>();
                for (JsonSubTypes.Type variant : ModelClasses.variants(union)) {
                    values.computeIfAbsent(variant.value(), c -> new ArrayList<>()).add(variant.name());
                }
                values.forEach((variant, names) -> tests.add(DynamicTest.dynamicTest(
                        pkg.substring(pkg.lastIndexOf('.', pkg.lastIndexOf('.') - 1) + 1) + " " + union.getSimpleName()
                                + " " + variant.getSimpleName() + " " + names, () -> {
                    JsonNode fresh = DECTHINGS.valueToTree(variant.getConstructor().newInstance());
                    if (names.size() == 1) {
                        assertThat(fresh.path(property).asText(null)).isEqualTo(names.get(0));
                    } else {
                        assertThat(fresh.path(property).isNull() || fresh.path(property).isMissingNode()).isTrue();
                    }
                })));
            }
        }
        assertThat(tests).hasSizeGreaterThan(60);
        return tests;
    }

    @Test
    void requestUnionsSerializeWithTheirDiscriminator() throws Exception {
        CreateModelOptions upload = new CreateModelUploadOptions().format("onnx").data(new byte[] {1, 2, 3});
        JsonNode json = DECTHINGS.valueToTree(upload);
        assertThat(json.toString()).isEqualTo("{\"type\":\"upload\",\"format\":\"onnx\",\"data\":\"AQID\"}");
        assertThat(DECTHINGS.treeToValue(json, CreateModelOptions.class)).isEqualTo(upload);

        CreateModelOptions code = new CreateModelCodeOptions()
                .language(dev.modelapi.decthings.client.model.ModelLanguage.PYTHON);
        assertThat(DECTHINGS.treeToValue(DECTHINGS.valueToTree(code), CreateModelOptions.class)).isEqualTo(code);
    }
}
