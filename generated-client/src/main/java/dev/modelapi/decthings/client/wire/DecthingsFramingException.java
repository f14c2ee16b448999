package dev.modelapi.decthings.client.wire;

/**
 * A Decthings binary body (request frame, response frame, blob or serialized tensor) is malformed, or a JSON document
 * does not agree with the blobs that travel next to it.
 *
 * <p>Unchecked because the bytes come from the network: callers cannot recover locally and usually map it to one
 * answer (HTTP 400 in the mock server, an "invalid response" error in the SDK).
 */
public class DecthingsFramingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DecthingsFramingException(String message) {
        super(message);
    }

    public DecthingsFramingException(String message, Throwable cause) {
        super(message, cause);
    }
}
