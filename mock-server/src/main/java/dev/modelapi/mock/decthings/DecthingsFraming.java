package dev.modelapi.mock.decthings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.decthings.client.wire.DecthingsFramingException;
import dev.modelapi.decthings.client.wire.OperationBlobs;
import dev.modelapi.decthings.client.wire.RequestFrame;
import dev.modelapi.decthings.client.wire.ResponseFrame;
import dev.modelapi.mock.http.MockJson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Framed body ↔ logical JSON for the mock (the SDK's wire classes, used the other way round): requests are decoded
 * and their blobs put back at their paths as base64; answers are split back into JSON + blobs.
 */
public final class DecthingsFraming {

    private DecthingsFraming() {
    }

    /**
     * Decodes a framed request into its logical JSON.
     *
     * @throws DecthingsFramingException with a message fit for the client when the body is not a valid frame for
     *     this method (truncated, wrong lengths, JSON part not an object, blob count not what the JSON calls for)
     */
    public static ObjectNode decodeRequest(OperationBlobs blobs, byte[] body) {
        RequestFrame frame = RequestFrame.decode(ByteBuffer.wrap(body));
        ObjectNode json;
        try {
            json = MockJson.object(frame.jsonBytes());
        } catch (IOException e) {
            throw new DecthingsFramingException("The JSON part of the frame is not a JSON object: "
                    + firstLine(e.getMessage()));
        }
        try {
            return blobs.joinRequest(json, frame.blobs());
        } catch (IllegalArgumentException e) {
            throw new DecthingsFramingException(e.getMessage());
        }
    }

    /**
     * The framed form of a logical answer ({@code {"result": …}} or {@code {"error": …}}), given as a JSON tree or
     * as a generated response model. A method without blobs in its answers frames the JSON as it is; otherwise the
     * blobs are cut out of the JSON tree.
     */
    public static byte[] encodeResponse(OperationBlobs blobs, Object logical) {
        if (blobs.responseSources().isEmpty()) {
            return new ResponseFrame(ByteBuffer.wrap(MockJson.bytes(logical)), List.of()).encode();
        }
        ObjectNode tree = logical instanceof ObjectNode node ? node : MockJson.tree(logical);
        OperationBlobs.Split split = blobs.splitResponse(tree);
        return new ResponseFrame(ByteBuffer.wrap(MockJson.bytes(split.json())), split.blobs()).encode();
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
