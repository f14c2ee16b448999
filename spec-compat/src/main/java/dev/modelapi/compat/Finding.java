package dev.modelapi.compat;

/**
 * One change between the base and the head spec.
 *
 * @param severity  how much it can hurt
 * @param rule      the rule that found it, e.g. {@code response-property-removed} (README lists them all)
 * @param document  the spec file, e.g. {@code openapi/pieces-model-api.yaml}
 * @param operation the operationId (AsyncAPI: the channel), or {@code -} for document-wide changes
 * @param pointer   where in the request or response, as a JSON pointer into the body ({@code /result/total})
 * @param message   what changed, base → head
 */
public record Finding(Severity severity, String rule, String document, String operation, String pointer,
                      String message) {

    /** {@code operation rule pointer}: what an acknowledgement line in {@code spec/CHANGES.md} names. */
    public String key() {
        return operation + " " + rule + " " + pointer;
    }

    @Override
    public String toString() {
        return severity + " " + rule + " " + document + " " + operation + (pointer.isEmpty() ? "" : " " + pointer)
                + ": " + message;
    }
}
