package dev.modelapi.conformance.data;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One invalid variant of a valid request: exactly one field broken.
 *
 * @param kind how it was broken
 * @param field the dotted path of the broken field ({@code options.language})
 * @param body the whole invalid request document
 */
public record Mutation(Kind kind, String field, JsonNode body) {

    public enum Kind {
        MISSING_REQUIRED("missing required"),
        WRONG_TYPE("wrong type for"),
        BAD_ENUM("value outside the enum of"),
        BAD_PATTERN("value not matching the pattern of"),
        OUT_OF_RANGE("out-of-range value for");

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
