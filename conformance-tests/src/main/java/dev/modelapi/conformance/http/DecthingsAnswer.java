package dev.modelapi.conformance.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.decthings.client.wire.OperationBlobs;
import dev.modelapi.decthings.client.wire.RequestFrame;
import dev.modelapi.decthings.client.wire.ResponseFrame;

import java.io.IOException;

/**
 * What a Decthings body means as the spec's logical JSON document: a framed body decoded and its blobs put back (as
 * base64, where {@code x-decthings-blobs} says), a JSON body parsed. Used for the answers the suite gets and for
 * both directions of the traffic the validating proxy forwards.
 *
 * @param json        the logical document, or null when the body cannot be read
 * @param decodeError why not, or null
 * @param blobCount   blobs in a framed body, or -1
 */
public record DecthingsAnswer(JsonNode json, String decodeError, int blobCount) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** An answer body: {@code application/octet-stream} framing or JSON. */
    public static DecthingsAnswer ofResponse(OperationBlobs blobs, String contentType, byte[] body) {
        return decode(blobs, contentType, body, false);
    }

    /** A request body, as a client sent it. */
    public static DecthingsAnswer ofRequest(OperationBlobs blobs, String contentType, byte[] body) {
        return decode(blobs, contentType, body, true);
    }

    private static DecthingsAnswer decode(OperationBlobs blobs, String contentType, byte[] body, boolean request) {
        String media = Exchange.mediaTypeOf(contentType);
        try {
            if ("application/octet-stream".equals(media)) {
                var frame = request ? RequestFrame.decode(body) : ResponseFrame.decode(body);
                JsonNode wire = MAPPER.readTree(frame.jsonBytes());
                if (wire == null || !wire.isObject()) {
                    return new DecthingsAnswer(null, "the JSON part of the frame is not an object: "
                            + frame.jsonString(), frame.blobCount());
                }
                ObjectNode logical = request ? blobs.joinRequest((ObjectNode) wire, frame.blobs())
                        : blobs.joinResponse((ObjectNode) wire, frame.blobs());
                return new DecthingsAnswer(logical, null, frame.blobCount());
            }
            if (Exchange.isJson(media)) {
                JsonNode json = MAPPER.readTree(body);
                return json == null ? new DecthingsAnswer(null, "empty JSON body", -1)
                        : new DecthingsAnswer(json, null, -1);
            }
            return new DecthingsAnswer(null, "the body is neither framed (application/octet-stream) nor JSON"
                    + " (Content-Type: " + contentType + ")", -1);
        } catch (IOException | RuntimeException e) {
            return new DecthingsAnswer(null, e.getClass().getSimpleName() + ": " + e.getMessage(), -1);
        }
    }
}
