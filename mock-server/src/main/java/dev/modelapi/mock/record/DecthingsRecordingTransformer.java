package dev.modelapi.mock.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.StubMappingTransformer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.modelapi.decthings.client.wire.BlobMapping;
import dev.modelapi.decthings.client.wire.OperationBlobs;
import dev.modelapi.decthings.client.wire.RequestFrame;
import dev.modelapi.decthings.client.wire.ResponseFrame;
import dev.modelapi.mock.decthings.DecthingsPaths;
import dev.modelapi.mock.recorded.ApiKind;
import dev.modelapi.mock.recorded.StubParameters;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A WireMock {@link StubMappingTransformer} for recordings (snapshot and {@code startRecording/stopRecording}): rewrites
 * every recorded Decthings call {@code POST /v0/Model/{method}} into its <em>logical</em> form, so that the mapping is
 * readable and replays in either encoding. See the package documentation for the exact mapping layout.
 *
 * <p>Mappings of other paths (Pieces) only get {@code metadata.modelapi} ({@code kind: recorded}, {@code api}).
 * A framed body that cannot be decoded is left as recorded, with {@code metadata.modelapi.decthings = "raw"} and the
 * reason in {@code metadata.modelapi.decodeError}.
 */
public final class DecthingsRecordingTransformer extends StubMappingTransformer {

    /** The extension name (for {@code RecordSpecBuilder.transformers(…)} if it is not applied globally). */
    public static final String NAME = "modelapi-decthings-recording";

    /** Transformer parameter of the record spec carrying the recorded deployment's base URL (optional). */
    public static final String PARAM_RECORDED_FROM = "modelapi-recorded-from";

    /** {@code metadata.modelapi.decthings}: the bodies are the logical JSON. */
    public static final String LOGICAL = "logical";
    /** {@code metadata.modelapi.decthings}: a framed body could not be decoded and was kept as recorded. */
    public static final String RAW = "raw";

    static final String OCTET_STREAM = "application/octet-stream";
    static final String APPLICATION_JSON = "application/json";

    private final BlobMapping blobMapping;

    public DecthingsRecordingTransformer() {
        this(BlobMapping.load());
    }

    public DecthingsRecordingTransformer(BlobMapping blobMapping) {
        this.blobMapping = Objects.requireNonNull(blobMapping, "blobMapping");
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public StubMapping transform(StubMapping stubMapping, FileSource files, Parameters parameters) {
        ObjectMapper mapper = Json.getObjectMapper();
        ObjectNode stub = mapper.valueToTree(stubMapping);
        ObjectNode request = object(stub, "request");
        ObjectNode response = object(stub, "response");
        ObjectNode meta = object(object(stub, "metadata"), StubParameters.KEY);
        meta.put("kind", "recorded");
        Object from = parameters == null ? null : parameters.get(PARAM_RECORDED_FROM);
        if (from != null) {
            meta.put("recordedFrom", from.toString());
        }

        String url = firstText(request, "url", "urlPath");
        Optional<String> method = url == null ? Optional.empty()
                : DecthingsPaths.method(DecthingsPaths.pathOf(url));
        if (url != null && DecthingsPaths.isDecthings(DecthingsPaths.pathOf(url))) {
            meta.put("api", ApiKind.DECTHINGS.wireName());
        } else {
            meta.put("api", ApiKind.PIECES.wireName());
        }
        Optional<OperationBlobs> blobs = method.flatMap(blobMapping::find);
        if (blobs.isEmpty() || !"POST".equalsIgnoreCase(request.path("method").asText())) {
            return mapper.convertValue(stub, StubMapping.class);
        }
        meta.put("operation", method.get());

        try {
            String requestEncoding = logicalRequest(request, blobs.get(), mapper);
            meta.put("recordedEncoding", requestEncoding);
            logicalResponse(response, blobs.get(), mapper);
            meta.put("decthings", LOGICAL);
            ObjectNode params = object(response, "transformerParameters");
            Map<String, Object> ours = StubParameters.forStub(ApiKind.DECTHINGS, StubParameters.Role.CANNED,
                    method.get(), null);
            params.set(StubParameters.KEY, mapper.valueToTree(ours.get(StubParameters.KEY)));
        } catch (RuntimeException | IOException e) {
            // Leave this mapping as WireMock recorded it: a byte-exact replay is better than none.
            ObjectNode original = mapper.valueToTree(stubMapping);
            ObjectNode originalMeta = object(object(original, "metadata"), StubParameters.KEY);
            originalMeta.setAll(meta);
            originalMeta.put("decthings", RAW);
            originalMeta.put("decodeError", String.valueOf(e.getMessage()));
            return mapper.convertValue(original, StubMapping.class);
        }
        return mapper.convertValue(stub, StubMapping.class);
    }

    /** Replaces a {@code binaryEqualTo} frame by {@code equalToJson(<logical params>)}; returns the encoding seen. */
    private static String logicalRequest(ObjectNode request, OperationBlobs blobs, ObjectMapper mapper)
            throws IOException {
        JsonNode patterns = request.get("bodyPatterns");
        if (!(patterns instanceof ArrayNode list) || list.isEmpty()) {
            return "none";
        }
        String encoding = "other";
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            if (p.has("binaryEqualTo")) {
                byte[] body = Base64.getDecoder().decode(p.get("binaryEqualTo").asText());
                RequestFrame frame = RequestFrame.decode(body);
                ObjectNode wireJson = (ObjectNode) mapper.readTree(frame.jsonBytes());
                ObjectNode logical = blobs.joinRequest(wireJson, frame.blobs());
                list.set(i, equalToJson(logical, mapper));
                encoding = "framed";
            } else if (p.has("equalToJson")) {
                JsonNode value = p.get("equalToJson");
                JsonNode json = value.isTextual() ? mapper.readTree(value.asText()) : value;
                list.set(i, equalToJson(json, mapper));
                encoding = "json";
            }
            // Anything else (a text "equalTo" for a body sent without Content-Type) is kept as recorded.
        }
        return encoding;
    }

    private static ObjectNode equalToJson(JsonNode json, ObjectMapper mapper) {
        ObjectNode pattern = mapper.createObjectNode();
        pattern.set("equalToJson", json);
        pattern.put("ignoreArrayOrder", false);
        pattern.put("ignoreExtraElements", false);
        return pattern;
    }

    /** Puts the logical JSON envelope in {@code jsonBody} with {@code Content-Type: application/json}. */
    private static void logicalResponse(ObjectNode response, OperationBlobs blobs, ObjectMapper mapper)
            throws IOException {
        byte[] body;
        if (response.hasNonNull("base64Body")) {
            body = Base64.getDecoder().decode(response.get("base64Body").asText());
        } else if (response.hasNonNull("body")) {
            body = response.get("body").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else if (response.hasNonNull("jsonBody")) {
            return; // already JSON
        } else {
            return; // no body (e.g. 404 for an unknown method): nothing to decode
        }
        if (body.length == 0) {
            return;
        }
        ObjectNode headers = object(response, "headers");
        String contentType = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            if (h.getKey().equalsIgnoreCase("Content-Type")) {
                JsonNode v = h.getValue();
                contentType = v.isArray() ? v.path(0).asText() : v.asText();
                it.remove();
            }
        }
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        JsonNode logical;
        if (media.equals(APPLICATION_JSON) || media.endsWith("+json")) {
            logical = mapper.readTree(body);
        } else {
            ResponseFrame frame = ResponseFrame.decode(body);
            ObjectNode wireJson = (ObjectNode) mapper.readTree(frame.jsonBytes());
            logical = blobs.joinResponse(wireJson, frame.blobs());
        }
        if (logical == null || !logical.isObject()) {
            throw new IOException("The response body is not a JSON object");
        }
        response.remove("base64Body");
        response.remove("body");
        response.set("jsonBody", logical);
        headers.put("Content-Type", APPLICATION_JSON);
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    private static String firstText(ObjectNode node, String... fields) {
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v != null && v.isTextual()) {
                return v.asText();
            }
        }
        return null;
    }
}
