package dev.modelapi.conformance.data;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One invalid variant of a valid request: exactly one field broken.
 *
 * @param kind how it was broken
 * @param field the path of the broken field, dotted with array indices ({@code options.language},
 *              {@code filter.tags[0].tag})
 * @param body the whole invalid request document
 */
public record Mutation(Kind kind, String field, JsonNode body) {

    public enum Kind {
        MISSING_REQUIRED("missing required"),
        WRONG_TYPE("wrong type for"),
        BAD_ENUM("value outside the enum of"),
        BAD_PATTERN("value not matching the pattern of"),
        OUT_OF_RANGE("out-of-range value for"),
        TOO_SHORT("string shorter than the minLength of"),
        TOO_LONG("string longer than the maxLength of"),
        TOO_FEW_ITEMS("fewer items than the minItems of"),
        TOO_MANY_ITEMS("more items than the maxItems of"),
        UNKNOWN_VARIANT("discriminator naming no variant:"),
        UNDECLARED_PROPERTY("undeclared property");

        private final String phrase;

        Kind(String phrase) {
            this.phrase = phrase;
        }

        public String phrase() {
            return phrase;
        }
    }

    public String description() {
        return kind.phrase() + " " + field;
    }
}
