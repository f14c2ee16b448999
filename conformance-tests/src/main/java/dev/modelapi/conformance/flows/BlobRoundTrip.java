package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.config.Transport;
import dev.modelapi.conformance.http.Call;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.http.Intent;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.SpecCatalog;
import org.opentest4j.TestAbortedException;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Blobs round-trip through the binary framing: {@code uploadState} (framed, one blob per key) on the suite's own
 * model, then {@code getModelState} (framed) must give back exactly the same bytes for each key. One blob is longer
 * than 253 bytes so that its length needs a multi-byte varint.
 */
final class BlobRoundTrip {

    static final String UPLOAD = "uploadState";
    static final String DOWNLOAD = "getModelState";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ConformanceRun run;

    BlobRoundTrip(ConformanceRun run) {
        this.run = run;
    }

    void run(FlowVerdicts verdicts) {
        CellVerdicts v = verdicts.of(CheckId.BINARY_FRAMING);
        if (run.config().readOnly()) {
            v.skipRest("read-only mode: the round trip uploads a state", UPLOAD, DOWNLOAD);
            return;
        }
        String model;
        try {
            model = run.fixtures().decthingsModel();
        } catch (TestAbortedException e) {
            v.skipRest(e.getMessage(), UPLOAD, DOWNLOAD);
            return;
        }
        Random random = new Random(run.seed());
        Map<String, byte[]> blobs = new LinkedHashMap<>();
        blobs.put("conformance-small.bin", bytes(random, 16));
        blobs.put("conformance-large.bin", bytes(random, 700));
        blobs.put("conformance-empty.bin", new byte[0]);

        ObjectNode upload = JSON.objectNode().put("modelId", model).put("name", run.adapter().name("round-trip"));
        ArrayNode data = upload.putArray("data");
        blobs.forEach((key, bytes) -> data.addObject().put("key", key)
                .put("data", Base64.getEncoder().encodeToString(bytes)));
        Findings fu = v.at(UPLOAD);
        Exchange uploaded = call(UPLOAD, upload, "upload " + blobs.size() + " blobs");
        fu.examined();
        JsonNode stateId = uploaded.result() == null ? null : uploaded.result().get("stateId");
        if (stateId == null || !stateId.isTextual()) {
            fu.add("a framed uploadState with " + blobs.size() + " blobs was not accepted",
                    "{\"result\": {\"stateId\": …}}", uploaded.responseSummary(), uploaded);
            v.skipRest("the state could not be uploaded", DOWNLOAD);
            return;
        }

        ObjectNode get = JSON.objectNode().put("modelId", model).put("stateId", stateId.asText());
        ArrayNode keys = get.putArray("keys");
        blobs.keySet().forEach(keys::add);
        Findings fd = v.at(DOWNLOAD);
        Exchange read = call(DOWNLOAD, get, "read the uploaded blobs back");
        fd.examined();
        JsonNode items = read.result() == null ? null : read.result().get("data");
        if (items == null || !items.isArray()) {
            fd.add("getModelState did not return the uploaded state's data", "result.data with "
                    + blobs.size() + " keys", read.decodeError() != null ? read.decodeError() : read.responseSummary(), read);
            return;
        }
        Map<String, byte[]> back = new LinkedHashMap<>();
        for (JsonNode item : items) {
            try {
                back.put(item.path("key").asText(), Base64.getDecoder().decode(item.path("data").asText("")));
            } catch (IllegalArgumentException e) {
                back.put(item.path("key").asText(), null);
            }
        }
        blobs.forEach((key, expected) -> {
            byte[] actual = back.get(key);
            if (actual == null || !Arrays.equals(expected, actual)) {
                fd.add("blob '" + key + "' did not round-trip", describe(expected),
                        actual == null ? "no blob for this key" : describe(actual), read);
            }
        });
    }

    private Exchange call(String method, ObjectNode request, String description) {
        return run.decthings().call(SpecCatalog.of(Api.DECTHINGS).operation(method), request,
                Call.of(Intent.FLOW, description).withTransport(Transport.BINARY));
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static String describe(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length + " bytes");
        if (b.length > 0) {
            sb.append(", starting ");
            for (int i = 0; i < Math.min(8, b.length); i++) {
                sb.append(String.format("%02x", b[i]));
            }
        }
        return sb.toString();
    }
}
