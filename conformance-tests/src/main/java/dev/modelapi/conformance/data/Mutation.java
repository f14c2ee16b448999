package dev.modelapi.conformance.data;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One variant of a valid request with exactly one field changed: broken ({@link NegativeVariants}), or set to a
 * boundary that the spec still accepts ({@link BoundaryVariants}; {@link Kind#valid()}).
 *
 * @param kind how it was changed
 * @param field the path of the changed field, dotted with array indices ({@code options.language},
 *              {@code filter.tags[0].tag})
 * @param body the whole request document
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
        UNDECLARED_PROPERTY("undeclared property"),
        AT_MINIMUM("the least value allowed for"),
        AT_MAXIMUM("the greatest value allowed for"),
        AT_MIN_LENGTH("a string of exactly the minLength of"),
        AT_MAX_LENGTH("a string of exactly the maxLength of"),
        AT_MIN_ITEMS("exactly the minItems of"),
        AT_MAX_ITEMS("exactly the maxItems of");

        private final String phrase;

        Kind(String phrase) {
            this.phrase = phrase;
        }

        public String phrase() {
            return phrase;
        }

        /** Whether the spec accepts a request changed this way (a boundary value) rather than rejecting it. */
        public boolean valid() {
            return compareTo(AT_MINIMUM) >= 0;
        }
    }

    /** {@code root} with the value at {@code at} replaced by {@code value} (a copy; {@code root} stays). */
    static Mutation at(Kind kind, Location at, JsonNode root, JsonNode value) {
        return new Mutation(kind, at.field(), at.replacedIn(root, value));
    }

    public String description() {
        return kind.phrase() + " " + field;
    }

    /**
     * At most {@code limit} of {@code all}, chosen with {@code random}, taking the kinds in turn so that each kind is
     * represented when it exists.
     */
    static List<Mutation> chooseByKind(List<Mutation> all, int limit, Random random) {
        Map<Kind, List<Mutation>> byKind = new EnumMap<>(Kind.class);
        all.forEach(m -> byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m));
        byKind.values().forEach(list -> Collections.shuffle(list, random));
        List<Mutation> chosen = new ArrayList<>();
        boolean added = true;
        while (chosen.size() < limit && added) {
            added = false;
            for (List<Mutation> list : byKind.values()) {
                if (!list.isEmpty() && chosen.size() < limit) {
                    chosen.add(list.remove(0));
                    added = true;
                }
            }
        }
        return chosen;
    }
}
