package dev.modelapi.mock.decthings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.mock.http.MockJson;

/**
 * Error envelopes that every Decthings method's union declares ({@code bad_credentials}, {@code too_many_requests},
 * {@code payment_required}, {@code unknown}, {@code invalid_parameter}), so the transport layer can answer them for
 * any method without its typed models.
 */
public final class DecthingsErrors {

    /** The field named when the body as a whole is at fault (framing, size, not JSON). */
    public static final String BODY = "body";

    private DecthingsErrors() {
    }

    public static ObjectNode simple(String code) {
        ObjectNode envelope = MockJson.MAPPER.createObjectNode();
        envelope.putObject("error").put("code", code);
        return envelope;
    }

    public static ObjectNode invalidParameter(String parameterName, String reason) {
        ObjectNode envelope = MockJson.MAPPER.createObjectNode();
        envelope.putObject("error")
                .put("code", "invalid_parameter")
                .put("parameterName", parameterName)
                .put("reason", reason);
        return envelope;
    }
}
