package dev.modelapi.decthings.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.decthings.client.wire.BlobMapping;
import dev.modelapi.decthings.client.wire.DecthingsFramingException;
import dev.modelapi.decthings.client.wire.OperationBlobs;
import dev.modelapi.decthings.client.wire.RequestFrame;
import dev.modelapi.decthings.client.wire.ResponseFrame;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Logical JSON (the {@code application/json} form of the spec) ↔ framed body (docs/decthings-wire-format.md §3/§4), per
 * method, following the operation's {@code x-decthings-blobs} as read from the spec by {@link BlobMapping}.
 */
final class DecthingsCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final BlobMapping mapping;

    DecthingsCodec(BlobMapping mapping) {
        this.mapping = mapping;
    }

    static DecthingsCodec fromSpec() {
        return new DecthingsCodec(BlobMapping.load());
    }

    /** The framed request body of {@code method} for its logical JSON params. */
    byte[] encodeRequest(String method, byte[] logicalJson) throws IOException {
        ObjectNode params = object(logicalJson.length == 0 ? new byte[] {'{', '}'} : logicalJson, method + " request");
        Optional<OperationBlobs> blobs = mapping.find(method);
        try {
            if (blobs.isEmpty()) {
                return new RequestFrame(ByteBuffer.wrap(JSON.writeValueAsBytes(params)), List.of()).encode();
            }
            OperationBlobs.Split split = blobs.get().splitRequest(params);
            return new RequestFrame(ByteBuffer.wrap(JSON.writeValueAsBytes(split.json())), split.blobs()).encode();
        } catch (DecthingsFramingException | IllegalArgumentException e) {
            // e.g. a tensor field that does not hold a serialized DecthingsTensor, or more than 255 blobs
            throw new IOException("Cannot frame the " + method + " request: " + e.getMessage(), e);
        }
    }

    /** The logical JSON envelope of {@code method} for its framed response body. */
    byte[] decodeResponse(String method, byte[] framed) throws IOException {
        ResponseFrame frame;
        try {
            frame = ResponseFrame.decode(framed);
        } catch (DecthingsFramingException e) {
            throw new IOException("Malformed Decthings response frame for " + method + ": " + e.getMessage(), e);
        }
        ObjectNode envelope = object(frame.jsonBytes(), method + " response");
        Optional<OperationBlobs> blobs = mapping.find(method);
        try {
            ObjectNode logical = blobs.isPresent() ? blobs.get().joinResponse(envelope, frame.blobs()) : envelope;
            return JSON.writeValueAsBytes(logical);
        } catch (DecthingsFramingException | IllegalArgumentException e) {
            throw new IOException("Cannot map the blobs of the " + method + " response: " + e.getMessage(), e);
        }
    }

    private static ObjectNode object(byte[] json, String what) throws IOException {
        JsonNode node = JSON.readTree(json);
        if (node == null || !node.isObject()) {
            throw new IOException("The " + what + " JSON is not an object");
        }
        return (ObjectNode) node;
    }
}
