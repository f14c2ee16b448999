package dev.modelapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI 3.0 dialect as this kit reads it: bounds, nullable, discriminators and the OpenAPI formats. */
class DocumentSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final DocumentSchemas SCHEMAS = DocumentSchemas.of("test.yaml", """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                Numbers:
                  type: object
                  properties:
                    count: {type: integer, format: int32, minimum: 0}
                    total: {type: integer, format: int64}
                    ratio: {type: number, format: float}
                    cpus: {type: number, minimum: 0, exclusiveMinimum: true}
                    data: {type: string, format: byte}
                    note: {type: string, nullable: true}
                Pet:
                  oneOf:
                    - $ref: '#/components/schemas/Cat'
                    - $ref: '#/components/schemas/Dog'
                  discriminator:
                    propertyName: kind
                    mapping: {cat: '#/components/schemas/Cat', kitten: '#/components/schemas/Cat',
                              dog: '#/components/schemas/Dog'}
                Cat:
                  type: object
                  required: [kind, lives]
                  properties: {kind: {type: string, pattern: '^(cat|kitten)$'}, lives: {type: integer}}
                Dog:
                  type: object
                  required: [kind, bark]
                  properties: {kind: {type: string, pattern: '^dog$'}, bark: {type: boolean}}
            """);

    private static java.util.List<DocumentSchemas.Problem> problems(String component, String json) throws Exception {
        JsonNode value = JSON.readTree(json);
        return SCHEMAS.problems("/components/schemas/" + component, value);
    }

    @Test
    void formatsAndBoundsOfOpenApi30() throws Exception {
        assertThat(problems("Numbers", "{\"count\": 2147483647, \"total\": 9223372036854775807, \"ratio\": 0.5,"
                + " \"cpus\": 0.5, \"data\": \"AAEC\", \"note\": null}")).isEmpty();
        assertThat(problems("Numbers", "{\"count\": 2147483648}")).extracting(DocumentSchemas.Problem::pointer)
                .containsExactly("/count");
        assertThat(problems("Numbers", "{\"total\": 9223372036854775808}")).hasSize(1);
        assertThat(problems("Numbers", "{\"ratio\": 0.1234567891}")).as("not exact as a float").hasSize(1);
        assertThat(problems("Numbers", "{\"cpus\": 0}")).as("exclusive minimum (3.0: a boolean)").hasSize(1);
        assertThat(problems("Numbers", "{\"data\": \"AAE\"}")).as("base64 needs padding").hasSize(1);
        assertThat(problems("Numbers", "{\"count\": -1}")).singleElement()
                .satisfies(p -> assertThat(p.line()).endsWith("[at /count]"));
    }

    /** The members pin the tag to their own values, as the shipped specs must (spec/README.md). */
    @Test
    void discriminatorSelectsTheVariantThroughAManyToOneMapping() throws Exception {
        assertThat(problems("Pet", "{\"kind\": \"kitten\", \"lives\": 9}")).isEmpty();
        assertThat(problems("Pet", "{\"kind\": \"cat\", \"lives\": 9}")).isEmpty();
        assertThat(problems("Pet", "{\"kind\": \"dog\", \"bark\": true}")).isEmpty();
        assertThat(problems("Pet", "{\"kind\": \"dog\", \"lives\": 9}")).as("a cat's shape, a dog's tag").isNotEmpty();
        assertThat(problems("Pet", "{\"lives\": 9}")).as("no tag").isNotEmpty();
        assertThat(problems("Pet", "{\"kind\": \"fish\"}")).isNotEmpty();
    }
}
