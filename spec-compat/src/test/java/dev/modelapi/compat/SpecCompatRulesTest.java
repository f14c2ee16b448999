package dev.modelapi.compat;

import dev.modelapi.spec.ModelApiSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule on a pair of small spec variants: the base below, and the base with one edit. */
class SpecCompatRulesTest {

    static final String BASE = """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /Model/getThing:
                post:
                  operationId: getThing
                  x-decthings-blobs: {request: [], response: []}
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/GetThingRequest'}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/GetThingResponse'}
                    '500':
                      description: failed
              /Model/deleteThing:
                post:
                  operationId: deleteThing
                  responses:
                    '200': {description: ok}
            components:
              schemas:
                GetThingRequest:
                  type: object
                  additionalProperties: false
                  required: [thingId]
                  properties:
                    thingId: {type: string, pattern: '^[a-z]+$'}
                    sort: {type: string, enum: [name, createdAt]}
                    limit: {type: integer}
                GetThingResponse:
                  type: object
                  properties:
                    result:
                      type: object
                      required: [name, total]
                      properties:
                        name: {type: string}
                        total: {type: integer}
                        kind: {type: string, enum: [a, b]}
                    error: {$ref: '#/components/schemas/GetThingError'}
                GetThingError:
                  oneOf:
                    - $ref: '#/components/schemas/NotFound'
                    - $ref: '#/components/schemas/Invalid'
                  discriminator:
                    propertyName: code
                    mapping:
                      thing_not_found: '#/components/schemas/NotFound'
                      invalid_parameter: '#/components/schemas/Invalid'
                NotFound:
                  type: object
                  properties:
                    code: {type: string, pattern: '^thing_not_found$'}
                Invalid:
                  type: object
                  properties:
                    code: {type: string, pattern: '^invalid_parameter$'}
                    parameterName: {type: string}
            """;

    private static List<Finding> diff(String head) {
        return SpecCompat.compare(Map.of("openapi/x.yaml", BASE), Map.of("openapi/x.yaml", head));
    }

    private static String edit(String from, String to) {
        assertThat(BASE).contains(from);
        return BASE.replace(from, to);
    }

    private static void assertOnly(List<Finding> findings, Severity severity, String rule, String operation,
                                   String pointer) {
        assertThat(findings).as("findings").filteredOn(f -> f.severity() != Severity.COMPATIBLE)
                .extracting(f -> f.severity() + " " + f.rule() + " " + f.operation() + " " + f.pointer())
                .containsExactly(severity + " " + rule + " " + operation + " " + pointer);
    }

    @Test
    void identicalSpecsHaveNoFindings() {
        assertThat(diff(BASE)).isEmpty();
    }

    @Test
    void aNewRequiredRequestFieldIsBreaking() {
        assertOnly(diff(edit("required: [thingId]", "required: [thingId, limit]")), Severity.BREAKING,
                "request-required-added", "getThing", "/limit");
    }

    @Test
    void aNewOptionalRequestFieldIsCompatible() {
        List<Finding> findings = diff(edit("        limit: {type: integer}\n",
                "        limit: {type: integer}\n        owner: {type: string}\n"));
        assertThat(findings).extracting(Finding::rule).containsExactly("request-property-added");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.COMPATIBLE);
    }

    @Test
    void aRemovedResponseFieldIsBreaking() {
        assertOnly(diff(edit("            kind: {type: string, enum: [a, b]}\n", "")), Severity.BREAKING,
                "response-property-removed", "getThing", "/result/kind");
    }

    @Test
    void aResponseFieldThatIsNoLongerRequiredIsBreaking() {
        assertOnly(diff(edit("required: [name, total]", "required: [name]")), Severity.BREAKING,
                "response-required-removed", "getThing", "/result/total");
    }

    @Test
    void aRemovedRequestFieldIsBreakingWhereUnknownFieldsAreRefused() {
        assertOnly(diff(edit("        limit: {type: integer}\n", "")), Severity.BREAKING,
                "request-property-removed", "getThing", "/limit");
    }

    @Test
    void aTypeChangeIsBreaking() {
        assertOnly(diff(edit("total: {type: integer}", "total: {type: string}")), Severity.BREAKING,
                "type-changed", "getThing", "/result/total");
    }

    @Test
    void aNarrowedRequestEnumIsBreaking() {
        assertOnly(diff(edit("enum: [name, createdAt]", "enum: [name]")), Severity.BREAKING,
                "enum-narrowed", "getThing", "/sort");
    }

    @Test
    void aNewResponseEnumValueIsSafeForThisSdkButNotForStrictClients() {
        assertOnly(diff(edit("enum: [a, b]", "enum: [a, b, c]")), Severity.STRICT_CLIENTS,
                "enum-value-added", "getThing", "/result/kind");
    }

    @Test
    void aChangedRequestPatternIsBreaking() {
        assertOnly(diff(edit("pattern: '^[a-z]+$'", "pattern: '^[a-z]{3}$'")), Severity.BREAKING,
                "pattern-changed", "getThing", "/thingId");
    }

    @Test
    void aNewResponseUnionMemberIsSafeForThisSdkButNotForStrictClients() {
        String head = edit("        - $ref: '#/components/schemas/Invalid'\n",
                "        - $ref: '#/components/schemas/Invalid'\n        - $ref: '#/components/schemas/Busy'\n")
                .replace("          invalid_parameter: '#/components/schemas/Invalid'\n",
                        "          invalid_parameter: '#/components/schemas/Invalid'\n          too_many_requests: '#/components/schemas/Busy'\n")
                + """
                    Busy:
                      type: object
                      properties:
                        code: {type: string, pattern: '^too_many_requests$'}
                """;
        List<Finding> findings = diff(head);
        assertOnly(findings, Severity.STRICT_CLIENTS, "union-member-added", "getThing", "/error");
        assertThat(findings.get(0).message()).contains("Busy", "value too_many_requests", "Unknown variant");
    }

    @Test
    void aRemovedUnionMemberIsBreaking() {
        String head = edit("        - $ref: '#/components/schemas/Invalid'\n", "")
                .replace("          invalid_parameter: '#/components/schemas/Invalid'\n", "");
        assertOnly(diff(head), Severity.BREAKING, "union-member-removed", "getThing", "/error");
    }

    @Test
    void aRemovedOperationIsBreaking() {
        String head = BASE.substring(0, BASE.indexOf("  /Model/deleteThing:"))
                + BASE.substring(BASE.indexOf("components:"));
        assertOnly(diff(head), Severity.BREAKING, "operation-removed", "deleteThing", "");
    }

    @Test
    void aNewOperationIsCompatible() {
        List<Finding> findings = diff(edit("  /Model/deleteThing:\n", "  /Model/pingThing:\n    post:\n      operationId: pingThing\n      responses:\n        '200': {description: ok}\n  /Model/deleteThing:\n"));
        assertThat(findings).extracting(f -> f.severity() + " " + f.rule() + " " + f.operation())
                .containsExactly("COMPATIBLE operation-added pingThing");
    }

    @Test
    void aRemovedStatusIsBreakingAndANewOneMattersToStrictClients() {
        assertOnly(diff(edit("        '500':\n          description: failed\n", "")), Severity.BREAKING,
                "status-removed", "getThing", "");
        assertThat(diff(edit("        '500':\n", "        '503':\n")))
                .extracting(f -> f.severity() + " " + f.rule() + " " + f.operation())
                .containsExactlyInAnyOrder("BREAKING status-removed getThing", "STRICT_CLIENTS status-added getThing");
    }

    @Test
    void aChangedBlobMappingBreaksTheWire() {
        assertOnly(diff(edit("x-decthings-blobs: {request: [], response: []}",
                "x-decthings-blobs: {request: [{path: data, layout: buffer}], response: []}")),
                Severity.BREAKING, "decthings-blobs-changed", "getThing", "");
    }

    @Test
    void openApiDiffCatchesWhatTheKitsRulesDoNotCover() {
        // a response header removed: no kit rule looks at headers, openapi-diff does
        String base = edit("      '200': {description: ok}\n",
                "      '200':\n          description: ok\n          headers:\n            X-Rate: {schema: {type: integer}}\n");
        String head = BASE;
        List<Finding> findings = SpecCompat.compare(Map.of("openapi/x.yaml", base), Map.of("openapi/x.yaml", head));
        assertThat(findings).extracting(f -> f.severity() + " " + f.rule() + " " + f.operation())
                .containsExactly("BREAKING openapi-diff deleteThing");
        assertThat(findings.get(0).message()).contains("responses");
    }

    @Test
    void theKitsOwnSpecsComparedWithThemselvesHaveNoFindings() throws IOException {
        Map<String, String> docs = Map.of(
                "openapi/decthings-model-api.yaml", resource("openapi/decthings-model-api.yaml"),
                "openapi/pieces-model-api.yaml", resource("openapi/pieces-model-api.yaml"),
                "asyncapi/pieces-download-progress.yaml", resource("asyncapi/pieces-download-progress.yaml"));
        assertThat(SpecCompat.compare(docs, docs)).isEmpty();
        assertThat(ModelApiSpec.values()).isNotEmpty();
    }

    static String resource(String path) throws IOException {
        try (InputStream in = SpecCompatRulesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
