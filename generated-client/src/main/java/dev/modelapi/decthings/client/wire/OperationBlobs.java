package dev.modelapi.decthings.client.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * The blob mapping of one Decthings method: converts its request and response between the logical JSON document
 * (binary fields inline as base64, the {@code application/json} form of the spec) and the framed form (JSON without
 * them + ordered blobs).
 *
 * <p>Inputs are never modified; every call returns a new document.
 */
public final class OperationBlobs {

    /**
     * A logical document split for the wire.
     *
     * @param json the JSON to frame, binary fields removed
     * @param blobs the blobs, in wire order
     */
    public record Split(ObjectNode json, List<ByteBuffer> blobs) {
        public Split {
            Objects.requireNonNull(json, "json");
            blobs = List.copyOf(blobs);
        }
    }

    private final String method;
    private final List<BlobSource> request;
    private final List<BlobSource> response;

    public OperationBlobs(String method, List<BlobSource> request, List<BlobSource> response) {
        this.method = Objects.requireNonNull(method, "method");
        this.request = List.copyOf(request);
        this.response = List.copyOf(response);
    }

    public String method() {
        return method;
    }

    /** The request's blob sources in wire order. */
    public List<BlobSource> requestSources() {
        return request;
    }

    /** The response's blob sources in wire order. */
    public List<BlobSource> responseSources() {
        return response;
    }

    /**
     * Removes the request's binary fields and returns them as blobs.
     *
     * @throws IllegalArgumentException if a binary field is not of the shape its layout requires (not base64, not a
     *     serialized tensor, provider without data, …)
     */
    public Split splitRequest(ObjectNode logicalJson) {
        return BlobCodec.split(request, logicalJson, method + " request");
    }

    /**
     * Puts the request's blobs back into its wire JSON as base64, in a copy; a request without blob fields returns
     * {@code wireJson} itself.
     *
     * @throws DecthingsFramingException if the blob count differs from what the JSON calls for, or a tensor blob is
     *     malformed
     */
    public ObjectNode joinRequest(ObjectNode wireJson, List<ByteBuffer> blobs) {
        return BlobCodec.join(request, wireJson, blobs, method + " request");
    }

    /** Like {@link #splitRequest}, for the response envelope ({@code {"result": …}} or {@code {"error": …}}). */
    public Split splitResponse(ObjectNode logicalJson) {
        return BlobCodec.split(response, logicalJson, method + " response");
    }

    /** Like {@link #joinRequest}, for the response envelope. */
    public ObjectNode joinResponse(ObjectNode wireJson, List<ByteBuffer> blobs) {
        return BlobCodec.join(response, wireJson, blobs, method + " response");
    }

    @Override
    public String toString() {
        return "OperationBlobs{" + method + ", request=" + request + ", response=" + response + "}";
    }
}
