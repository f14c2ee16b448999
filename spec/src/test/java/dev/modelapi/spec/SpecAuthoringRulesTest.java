package dev.modelapi.spec;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The authoring rules of spec/README.md, checked on both documents. */
class SpecAuthoringRulesTest {

    private static final Set<String> LAYOUTS = Set.of("buffer", "tensor", "parameterProviders", "parameters", "keyedBuffers");

    @TestFactory
    Stream<DynamicTest> everySchemaAndPropertyHasADescription() {
        return Stream.of(ModelApiSpec.values()).map(spec -> DynamicTest.dynamicTest(spec.name(), () -> {
            SpecModel model = new SpecModel(spec.openApi());
            List<String> missing = new ArrayList<>();
            model.api().getComponents().getSchemas().forEach((name, schema) -> checkDescriptions(model, name, schema, missing));
            assertThat(missing).as("schemas or properties without a description").isEmpty();
        }));
    }

    private static void checkDescriptions(SpecModel model, String where, Schema<?> schema, List<String> missing) {
        if (schema.get$ref() != null) {
            if (isBlank(model.resolve(schema).getDescription())) {
                missing.add(where + " (via " + schema.get$ref() + ")");
            }
            return;
        }
        if (isBlank(schema.getDescription())) {
            missing.add(where);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((prop, s) -> checkDescriptions(model, where + "." + prop, s, missing));
        }
        if (schema.getItems() != null) {
            checkDescriptions(model, where + "[]", schema.getItems(), missing);
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> ap) {
            checkDescriptions(model, where + "{}", ap, missing);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOneOfIsADiscriminatedUnionOfReferences() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ModelApiSpec spec : ModelApiSpec.values()) {
            SpecModel model = new SpecModel(spec.openApi());
            List<Map.Entry<String, Schema<?>>> unions = new ArrayList<>();
            model.api().getComponents().getSchemas().forEach((name, schema) -> collectOneOfs(name, schema, unions));
            for (Map.Entry<String, Schema<?>> union : unions) {
                tests.add(DynamicTest.dynamicTest(spec + " " + union.getKey(), () -> checkUnion(model, union.getKey(), union.getValue())));
            }
        }
        return tests.stream();
    }

    private static void collectOneOfs(String where, Schema<?> schema, List<Map.Entry<String, Schema<?>>> sink) {
        if (schema.getOneOf() != null || schema.getAnyOf() != null) {
            sink.add(Map.entry(where, schema));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((p, s) -> collectOneOfs(where + "." + p, s, sink));
        }
        if (schema.getItems() != null) {
            collectOneOfs(where + "[]", schema.getItems(), sink);
        }
    }

    private static void checkUnion(SpecModel model, String name, Schema<?> union) {
        assertThat(union.getAnyOf()).as(name + ": use oneOf, not anyOf").isNull();
        Discriminator d = union.getDiscriminator();
        assertThat(d).as(name + ": oneOf without discriminator").isNotNull();
        assertThat(d.getPropertyName()).as(name + ": discriminator.propertyName").isNotBlank();
        assertThat(d.getMapping()).as(name + ": discriminator.mapping").isNotEmpty();

        Set<String> members = new TreeSet<>();
        for (Schema<?> member : union.getOneOf()) {
            assertThat(member.get$ref()).as(name + ": every oneOf member is a $ref").isNotNull();
            members.add(member.get$ref());
        }
        assertThat(new TreeSet<>(d.getMapping().values())).as(name + ": mapping targets are exactly the members")
                .isEqualTo(members);

        // Each member admits exactly the values that the mapping sends to it, through a pattern (never enum/const).
        Map<String, Set<String>> valuesByMember = new TreeMap<>();
        d.getMapping().forEach((value, ref) -> valuesByMember.computeIfAbsent(ref, r -> new TreeSet<>()).add(value));
        valuesByMember.forEach((ref, values) -> {
            Schema<?> member = model.resolve(new Schema<>().$ref(ref));
            Schema<?> prop = member.getProperties() == null ? null : member.getProperties().get(d.getPropertyName());
            assertThat(prop).as(ref + " has the discriminator property " + d.getPropertyName()).isNotNull();
            assertThat(member.getRequired()).as(ref + " requires " + d.getPropertyName()).contains(d.getPropertyName());
            assertThat(prop.getType()).as(ref + "." + d.getPropertyName() + " type").isEqualTo("string");
            assertThat(prop.getEnum()).as(ref + "." + d.getPropertyName() + " must use pattern, not enum").isNullOrEmpty();
            assertThat(prop.getConst()).as(ref + "." + d.getPropertyName() + " must use pattern, not const").isNull();
            assertThat(new TreeSet<>(SpecModel.patternAlternatives(prop.getPattern())))
                    .as(ref + "." + d.getPropertyName() + " pattern admits exactly its mapping keys")
                    .isEqualTo(values);
            // A member of one value declares it as default (its generated class starts with it); one of several has none.
            Object expectedDefault = values.size() == 1 ? values.iterator().next() : null;
            assertThat(prop.getDefault()).as(ref + "." + d.getPropertyName() + " default").isEqualTo(expectedDefault);
        });
    }

    @Test
    void decthingsUsesOnePostPathPerMethodNamedAfterTheOperation() {
        SpecModel model = new SpecModel(ModelApiSpec.DECTHINGS.openApi());
        Set<String> ids = new HashSet<>();
        for (SpecModel.Op op : model.operations()) {
            assertThat(op.method().name()).isEqualTo("POST");
            assertThat(op.path()).isEqualTo("/Model/" + op.operation().getOperationId());
            assertThat(ids.add(op.operation().getOperationId())).isTrue();
            assertThat(op.operation().getRequestBody().getContent())
                    .containsKeys("application/json", "application/octet-stream");
        }
    }

    /**
     * {@code x-modelapi-idempotent} (spec/README.md): reads, waits and setters are marked {@code true}, nothing else
     * is marked at all; the SDK retries exactly the marked calls.
     */
    @Test
    void decthingsMarksReadsWaitsAndSettersIdempotentAndNothingElse() {
        SpecModel model = new SpecModel(ModelApiSpec.DECTHINGS.openApi());
        Map<String, Object> marks = new TreeMap<>();
        Set<String> expected = new TreeSet<>();
        for (SpecModel.Op op : model.operations()) {
            String id = op.operation().getOperationId();
            Map<String, Object> ext = op.operation().getExtensions();
            if (ext != null && ext.containsKey("x-modelapi-idempotent")) {
                marks.put(id, ext.get("x-modelapi-idempotent"));
            }
            if (id.matches("(get|waitFor|set|update)[A-Z].*")) {
                expected.add(id);
            }
        }
        assertThat(marks.keySet()).isEqualTo(expected);
        assertThat(new HashSet<>(marks.values())).containsExactly(Boolean.TRUE);
        assertThat(expected).contains("getModels", "waitForModelToBeCreated", "setImage", "updateModel")
                .doesNotContain("createModel", "deleteModel", "train", "evaluate", "snapshotModel");
    }

    @TestFactory
    Stream<DynamicTest> everyDecthingsOperationStatesItsBlobsAndTheyPointAtBinaryFields() {
        SpecModel model = new SpecModel(ModelApiSpec.DECTHINGS.openApi());
        return model.operations().stream().map(op -> DynamicTest.dynamicTest(op.label(), () -> {
            Object ext = op.operation().getExtensions() == null ? null : op.operation().getExtensions().get("x-decthings-blobs");
            assertThat(ext).as("x-decthings-blobs").isInstanceOf(Map.class);
            Map<?, ?> blobs = (Map<?, ?>) ext;
            assertThat(new TreeSet<Object>(blobs.keySet())).as("x-decthings-blobs keys").containsExactly("request", "response");
            checkBlobSources(model, op.operation(), true, (List<?>) blobs.get("request"));
            checkBlobSources(model, op.operation(), false, (List<?>) blobs.get("response"));
        }));
    }

    private static void checkBlobSources(SpecModel model, Operation op, boolean request, List<?> sources) {
        assertThat(sources).as(request ? "request" : "response").isNotNull();
        Schema<?> root = request
                ? op.getRequestBody().getContent().get("application/json").getSchema()
                : model.resolve(op.getResponses().get("200")).getContent().get("application/json").getSchema();
        for (Object o : sources) {
            Map<?, ?> source = (Map<?, ?>) o;
            String path = (String) source.get("path");
            String layout = (String) source.get("layout");
            assertThat(LAYOUTS).as("layout of " + path).contains(layout);
            List<Schema<?>> targets = BlobPaths.resolve(model, root, path);
            assertThat(targets).as("schemas at blob path " + path).isNotEmpty();
            for (Schema<?> target : targets) {
                BlobPaths.assertLayoutFits(model, path, layout, target);
            }
            if (layout.equals("keyedBuffers")) {
                assertThat((String) source.get("keyNamesField")).as("keyNamesField of " + path).isNotBlank();
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
