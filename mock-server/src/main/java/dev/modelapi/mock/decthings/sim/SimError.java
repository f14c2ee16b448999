package dev.modelapi.mock.decthings.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.mock.http.MockJson;

/**
 * A Decthings error answer raised anywhere in the simulation. The facade turns it into the calling method's own
 * response type with Jackson, whose {@code @JsonTypeInfo} picks the union member for the code; a code the method's
 * union does not declare fails loudly (a bug in the simulation, never sent to a client as is).
 */
final class SimError extends RuntimeException {

    private final ObjectNode error;

    private SimError(ObjectNode error) {
        super(error.path("code").asText(), null, false, false);
        this.error = error;
    }

    static SimError of(String code) {
        return new SimError(MockJson.MAPPER.createObjectNode().put("code", code));
    }

    static SimError datasetNotFound(String datasetId) {
        return new SimError(MockJson.MAPPER.createObjectNode().put("code", "dataset_not_found")
                .put("datasetId", datasetId));
    }

    static SimError datasetKeyNotFound(String datasetId, String datasetKey) {
        return new SimError(MockJson.MAPPER.createObjectNode().put("code", "dataset_key_not_found")
                .put("datasetId", datasetId).put("datasetKey", datasetKey));
    }

    static SimError invalidParameter(String parameterName, String reason) {
        return new SimError(MockJson.MAPPER.createObjectNode().put("code", "invalid_parameter")
                .put("parameterName", parameterName).put("reason", reason));
    }

    String code() {
        return getMessage();
    }

    /** {@code {"error": …}} as the method's response type. */
    <R> R toResponse(Class<R> responseType) {
        ObjectNode envelope = MockJson.MAPPER.createObjectNode();
        envelope.set("error", error);
        try {
            return MockJson.MAPPER.treeToValue(envelope, responseType);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The simulation raised " + error + ", which "
                    + responseType.getSimpleName() + " does not declare", e);
        }
    }
}
