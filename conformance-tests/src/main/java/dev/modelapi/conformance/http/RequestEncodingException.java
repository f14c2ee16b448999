package dev.modelapi.conformance.http;

/** A request document could not be put on the wire (e.g. a broken binary field cannot be framed). */
public class RequestEncodingException extends RuntimeException {
    public RequestEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
