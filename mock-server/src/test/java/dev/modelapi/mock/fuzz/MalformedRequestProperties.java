package dev.modelapi.mock.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.decthings.client.wire.BlobMapping;
import dev.modelapi.decthings.client.wire.RequestFrame;
import dev.modelapi.decthings.client.wire.Varint;
import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.support.Decthings;
import dev.modelapi.mock.support.Http;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of malformed requests: random bytes and truncated frames, lying lengths (up to 2^64-1), broken JSON,
 * wrong types. The mock must answer every one (no crash, no hang), with a declared status only, and every answer must
 * conform to the spec (checked by the mock's own conformance listener after each try).
 */
class MalformedRequestProperties {

    private static final List<String> METHODS = List.of("createModel", "getModels", "uploadState", "evaluate",
            "createState", "getModelState", "train", "deleteModel", "setImage", "getTrainingMetrics");
    private static final Set<Integer> DECTHINGS_STATUSES = Set.of(200, 404);

    private static ModelApiMock mock;

    @BeforeContainer
    static void start() {
        mock = ModelApiMock.builder().port(0).validateResponses(true).maxBodyBytes(1 << 20).build().start();
    }

    @AfterContainer
    static void stop() {
        mock.stop();
    }

    @AfterTry
    void everyAnswerConformed() {
        assertThat(mock.drainConformanceViolations()).isEmpty();
    }

    // ------------------------------------------------------------------ framed

    @Property(tries = 1500)
    void randomBytesAsAFrame(@ForAll("methods") String method, @ForAll("bytes") byte[] body) {
        Http.Answer a = Http.post(mock.decthingsBaseUrl() + "/Model/" + method, Decthings.OCTET, body);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.contentType()).isEqualTo(Decthings.OCTET);
        JsonNode envelope = Decthings.decode(method, a);
        assertThat(envelope.has("result") ^ envelope.has("error")).isTrue();
    }

    @Property(tries = 1000)
    void framesThatLieAboutTheirLengths(@ForAll("methods") String method, @ForAll("frames") byte[] body) {
        // The generator can, rarely, build an honest frame (0 blobs, length 2, "{}" for getModels): not this case.
        Assume.that(!isHonestFrame(method, body));
        Http.Answer a = Http.post(mock.decthingsBaseUrl() + "/Model/" + method, Decthings.OCTET, body);
        assertThat(a.status()).isEqualTo(200);
        JsonNode envelope = Decthings.decode(method, a);
        assertThat(envelope.path("error").path("code").asText()).isIn("invalid_parameter", "model_not_found");
    }

    /** True if the SDK's own decoding accepts the frame for this method (structure and blob count). */
    private static boolean isHonestFrame(String method, byte[] body) {
        try {
            RequestFrame frame = RequestFrame.decode(ByteBuffer.wrap(body));
            if (!(Decthings.JSON.readTree(frame.jsonBytes()) instanceof ObjectNode json)) {
                return false;
            }
            BlobMapping.load().forMethod(method).joinRequest(json, frame.blobs());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ JSON

    @Property(tries = 1000)
    void brokenJson(@ForAll("methods") String method, @ForAll("brokenJson") String body) {
        Http.Answer a = Http.postJson(mock.decthingsBaseUrl() + "/Model/" + method, body);
        assertThat(a.status()).isIn(DECTHINGS_STATUSES);
        JsonNode envelope = Decthings.decode(method, a);
        // A BOM or a lone surrogate is read by some parsers and not others: either way the answer is declared.
        if (envelope.has("error")) {
            assertThat(envelope.path("error").path("code").asText()).isIn("invalid_parameter", "model_not_found");
        } else {
            assertThat(envelope.has("result")).isTrue();
        }
    }

    @Property(tries = 1000)
    void wrongTypesInPlausibleRequests(@ForAll("methods") String method, @ForAll("wrongTypes") String body) {
        Http.Answer a = Decthings.framedOrJson(mock.decthingsBaseUrl(), body.hashCode() % 2 == 0, method, body);
        assertThat(a.status()).isEqualTo(200);
        JsonNode envelope = Decthings.decode(method, a);
        assertThat(envelope.has("result") ^ envelope.has("error")).isTrue();
    }

    @Property(tries = 500)
    void piecesBodiesAndIds(@ForAll("piecesCalls") String[] call) {
        Http.Answer a = call[0].equals("GET") ? Http.get(mock.piecesBaseUrl() + call[1])
                : Http.postJson(mock.piecesBaseUrl() + call[1], call[2]);
        assertThat(a.status()).isIn(200, 204, 404, 410, 500);
        if (a.status() >= 400) {
            assertThat(a.contentType()).startsWith("text/plain");
        }
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of(METHODS);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(300);
    }

    /** A frame header with random (often huge or lying) lengths, then a JSON part and some bytes. */
    @Provide
    Arbitrary<byte[]> frames() {
        Arbitrary<Integer> count = Arbitraries.integers().between(0, 255);
        Arbitrary<Long> length = Arbitraries.oneOf(Arbitraries.longs().between(0, 300),
                Arbitraries.of(252L, 253L, 65_535L, 65_536L, 4_294_967_295L, 4_294_967_296L, Long.MAX_VALUE, -1L));
        Arbitrary<List<Long>> lengths = length.list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<String> json = Arbitraries.of("{}", "{\"modelId\":\"m\"}", "{\"name\":1}", "[", "",
                "{\"stateKeyNames\":[\"a\",\"b\"]}", "{\"params\":[{\"name\":\"x\"}]}");
        Arbitrary<byte[]> tail = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Combinators.combine(count, lengths, json, tail).as((c, ls, j, t) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(c);
            for (long l : ls) {
                out.writeBytes(Varint.encode(l));
            }
            out.writeBytes(j.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(t);
            return out.toByteArray();
        });
    }

    @Provide
    Arbitrary<String> brokenJson() {
        Arbitrary<String> valid = Arbitraries.of("{\"modelId\":\"m\"}", "{\"limit\":1}",
                "{\"name\":\"n\",\"description\":\"d\",\"options\":{\"type\":\"code\",\"language\":\"go\"}}");
        return Arbitraries.oneOf(
                valid.flatMap(v -> Arbitraries.integers().between(0, v.length() - 1).map(i -> v.substring(0, i))),
                Arbitraries.strings().ofMaxLength(60).map(s -> "{" + s),
                Arbitraries.of("null", "[]", "42", "\"text\"", "true", "{\"a\":}", "{'a':1}", "{\"a\":1,}",
                        "\uFEFF{}", "{\"a\":\"\\uD800\"}"));
    }

    /** Known field names with values of every JSON type, in nested positions. */
    @Provide
    Arbitrary<String> wrongTypes() {
        Arbitrary<String> field = Arbitraries.of("modelId", "name", "description", "options", "limit", "offset",
                "filter", "params", "data", "executionLocation", "stateId", "keys", "newStateName", "sort",
                "sortDirection", "metrics", "domain", "repository", "reference");
        Arbitrary<String> value = Arbitraries.of("null", "1", "-1", "1e400", "9223372036854775808", "\"s\"", "\"\"",
                "true", "[]", "[1]", "{}", "{\"type\":\"data\",\"data\":[\"AAAA\"]}", "[{\"name\":\"x\"}]",
                "{\"type\":\"code\",\"language\":\"go\"}", "{\"type\":\"nope\"}", "\"AAAA\"", "[\"AQID\"]");
        return Combinators.combine(field.list().ofMinSize(1).ofMaxSize(5), value.list().ofSize(5))
                .as((fields, values) -> {
                    StringBuilder sb = new StringBuilder("{");
                    for (int i = 0; i < fields.size(); i++) {
                        if (i > 0) {
                            sb.append(',');
                        }
                        sb.append('"').append(fields.get(i)).append("\":").append(values.get(i));
                    }
                    return sb.append('}').toString();
                });
    }

    @Provide
    Arbitrary<String[]> piecesCalls() {
        Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                Arbitraries.of("3c1a8f5e-6b2d-4e7a-9f10-2d4b8c6e1a57", "%20", "..", "%2F"));
        Arbitrary<String> path = id.flatMap(i -> Arbitraries.of("/model/" + i, "/model/" + i + "/load",
                "/model/" + i + "/download/cancel", "/models/" + i + "/delete", "/model/update", "/models/create",
                "/model/" + i + "/scores/increment", "/models/" + i + "/delete/cache"));
        Arbitrary<String> body = Arbitraries.oneOf(Arbitraries.of("", "{}", "[]", "{\"id\":5}", "{\"name\":null}",
                "{\"model\":{\"reference\":\"yes\"}}"), Arbitraries.strings().ofMaxLength(40));
        return Combinators.combine(Arbitraries.of("GET", "POST"), path, body)
                .as((m, p, b) -> new String[] {m, p, b});
    }

}
