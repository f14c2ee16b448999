package dev.modelapi.mock.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.decthings.client.wire.BlobMapping;
import dev.modelapi.decthings.client.wire.OperationBlobs;
import dev.modelapi.decthings.client.wire.RequestFrame;
import dev.modelapi.decthings.client.wire.ResponseFrame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the mock's Decthings endpoint with logical JSON, in either encoding, and returns the logical answer. */
public final class Decthings {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String OCTET = "application/octet-stream";

    private final String baseUrl;
    private final boolean framed;
    private final String[] headers;

    private Decthings(String baseUrl, boolean framed, String... headers) {
        this.baseUrl = baseUrl;
        this.framed = framed;
        this.headers = headers;
    }

    public static Decthings json(String baseUrl, String... headers) {
        return new Decthings(baseUrl, false, headers);
    }

    public static Decthings framed(String baseUrl, String... headers) {
        return new Decthings(baseUrl, true, headers);
    }

    /** Calls {@code method} and returns the logical envelope; asserts HTTP 200 and the encoding of the answer. */
    public JsonNode call(String method, String logicalJson) {
        Http.Answer a = raw(method, logicalJson);
        assertThat(a.status()).as("HTTP status of %s: %s", method, a.text()).isEqualTo(200);
        return decode(method, a);
    }

    /** Calls and returns {@code result}, failing if the answer is an error. */
    public JsonNode result(String method, String logicalJson) {
        JsonNode envelope = call(method, logicalJson);
        assertThat(envelope.has("error")).as("%s answered %s", method, envelope).isFalse();
        return envelope.get("result");
    }

    /** Calls and returns {@code error}, failing if the answer is a result. */
    public JsonNode error(String method, String logicalJson) {
        JsonNode envelope = call(method, logicalJson);
        assertThat(envelope.has("error")).as("%s answered %s", method, envelope).isTrue();
        return envelope.get("error");
    }

    public Http.Answer raw(String method, String logicalJson) {
        String url = baseUrl + "/Model/" + method;
        if (!framed) {
            return Http.postJson(url, logicalJson, headers);
        }
        return Http.post(url, OCTET, frame(method, logicalJson), headers);
    }

    /** Sends {@code json} as is: framed (JSON part only, no blobs) or as JSON. */
    public static Http.Answer framedOrJson(String baseUrl, boolean framed, String method, String json) {
        String url = baseUrl + "/Model/" + method;
        if (framed) {
            return Http.post(url, OCTET, dev.modelapi.decthings.client.wire.RequestFrame.of(json).encode());
        }
        return Http.postJson(url, json);
    }

    /** The framed form of a logical request (as the official clients send it). */
    public static byte[] frame(String method, String logicalJson) {
        try {
            ObjectNode logical = (ObjectNode) JSON.readTree(logicalJson);
            OperationBlobs.Split split = BlobMapping.load().forMethod(method).splitRequest(logical);
            return new RequestFrame(ByteBuffer.wrap(JSON.writeValueAsBytes(split.json())), split.blobs()).encode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The logical envelope of an answer in either encoding. */
    public static JsonNode decode(String method, Http.Answer a) {
        try {
            if (a.contentType() != null && a.contentType().startsWith(OCTET)) {
                ResponseFrame frame = ResponseFrame.decode(a.body());
                ObjectNode wire = (ObjectNode) JSON.readTree(frame.jsonBytes());
                return BlobMapping.load().forMethod(method).joinResponse(wire, frame.blobs());
            }
            assertThat(a.contentType()).startsWith("application/json");
            return JSON.readTree(a.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON string literal. */
    public static String q(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
