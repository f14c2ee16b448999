package dev.modelapi.mock.recorded.gen;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One named response example of one operation, references resolved.
 *
 * @param status the HTTP status it is declared under
 * @param contentType its media type, or null for a response without content
 * @param name the example's name ({@code success}, {@code model_not_found}, …), or null for a body-less response
 * @param value the example value (JSON, or a text node for text/plain), or null for no body
 */
record SpecExample(int status, String contentType, String name, JsonNode value) {

    boolean hasBody() {
        return value != null;
    }

    /** The Decthings error code the example carries ({@code error.code}), or null. */
    String errorCode() {
        JsonNode code = value == null ? null : value.path("error").path("code");
        return code != null && code.isTextual() ? code.asText() : null;
    }
}
