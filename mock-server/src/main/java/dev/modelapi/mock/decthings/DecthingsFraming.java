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
     * Decodes a framed request into the bytes of its logical JSON. A method without blobs in its requests keeps the
     * JSON part as the client wrote it (checked to be an object, not parsed into a tree and written again).
     *
     * @throws DecthingsFramingException with a message fit for the client when the body is not a valid frame for
     *     this method (truncated, wrong lengths, JSON part not an object, blob count not what the JSON calls for)
     */
    public static byte[] decodeRequest(OperationBlobs blobs, byte[] body) {
        RequestFrame frame = RequestFrame.decode(ByteBuffer.wrap(body));
        byte[] json = frame.jsonBytes();
        try {
            if (blobs.requestSources().isEmpty() && frame.blobs().isEmpty()) {
                MockJson.checkObject(json);
                return json;
            }
            return MockJson.bytes(blobs.joinRequest(MockJson.object(json), frame.blobs()));
        } catch (IOException e) {
            throw new DecthingsFramingException("The JSON part of the frame is not a JSON object: "
                    + firstLine(e.getMessage()));
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
