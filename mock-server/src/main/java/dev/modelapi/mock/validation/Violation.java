package dev.modelapi.mock.validation;

/**
 * One reason a request or response does not conform to the spec.
 *
 * @param field the offending field as a dotted path ({@code options.language}, {@code params[0].data}); empty for
 *     the whole body
 * @param reason why it was rejected, in the validator's words
 * @param key the swagger-request-validator message key (e.g. {@code validation.request.body.schema.required})
 */
public record Violation(String field, String reason, String key) {

    @Override
    public String toString() {
        return (field.isEmpty() ? "(body)" : field) + ": " + reason + " [" + key + "]";
    }
}
