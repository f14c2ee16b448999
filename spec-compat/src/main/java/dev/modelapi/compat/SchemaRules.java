package dev.modelapi.compat;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Compares one schema of the base with the same schema of the head, recursively, by who sends it. The rules
 * (README: "Rules"): {@code type-changed}, {@code request-required-added}, {@code response-required-removed},
 * {@code response-property-removed}, {@code request-property-removed} (only where the head forbids unknown
 * properties), {@code enum-narrowed} (request), {@code enum-value-added} (response: strict clients),
 * {@code pattern-changed} (request), {@code union-member-removed}, {@code union-member-added} (response: strict
 * clients).
 */
final class SchemaRules {

    private final SpecTree base;
    private final SpecTree head;
    private final String operation;
    private final Consumer<Finding> out;
    private final Set<String> seen = new HashSet<>();

    SchemaRules(SpecTree base, SpecTree head, String operation, Consumer<Finding> out) {
        this.base = base;
        this.head = head;
        this.operation = operation;
        this.out = out;
    }

    void compare(JsonNode baseSchema, JsonNode headSchema, Direction direction, String pointer) {
        // a pair of named schemas is compared once per direction: unions and recursive types would loop otherwise
        String pair = SpecTree.refName(baseSchema) + "|" + SpecTree.refName(headSchema) + "|" + direction + "|" + pointer;
        if (SpecTree.refName(baseSchema) != null && !seen.add(pair)) {
            return;
        }
        JsonNode b = base.resolve(baseSchema);
        JsonNode h = head.resolve(headSchema);
        if (b.isMissingNode() || h.isMissingNode()) {
            return;
        }
        if (b.has("$ref") || h.has("$ref")) {
            // refs into another document (the AsyncAPI payload into the Pieces spec): that document's own diff judges
            if (!b.path("$ref").asText().equals(h.path("$ref").asText())) {
                report(Severity.BREAKING, "schema-ref-changed", pointer,
                        b.path("$ref").asText("inline") + " → " + h.path("$ref").asText("inline"));
            }
            return;
        }
        String bType = b.path("type").asText(null);
        String hType = h.path("type").asText(null);
        if (bType != null && hType != null && !bType.equals(hType)) {
            report(Severity.BREAKING, "type-changed", pointer, bType + " → " + hType);
            return;
        }
        compareEnums(b, h, direction, pointer);
        comparePattern(b, h, direction, pointer);
        compareProperties(b, h, direction, pointer);
        if (b.has("items") && h.has("items")) {
            compare(b.get("items"), h.get("items"), direction, pointer + "/0");
        }
        compareUnion(b, h, direction, pointer);
    }

    private void compareEnums(JsonNode b, JsonNode h, Direction direction, String pointer) {
        if (!b.has("enum") || !h.has("enum")) {
            if (!b.has("enum") && h.has("enum") && direction == Direction.REQUEST) {
                report(Severity.BREAKING, "enum-narrowed", pointer, "any value → one of " + values(h.get("enum")));
            }
            return;
        }
        Set<String> bValues = values(b.get("enum"));
        Set<String> hValues = values(h.get("enum"));
        Set<String> removed = minus(bValues, hValues);
        Set<String> added = minus(hValues, bValues);
        if (direction == Direction.REQUEST && !removed.isEmpty()) {
            report(Severity.BREAKING, "enum-narrowed", pointer, "no longer accepts " + removed);
        }
        if (direction == Direction.RESPONSE && !added.isEmpty()) {
            report(Severity.STRICT_CLIENTS, "enum-value-added", pointer, "may now answer " + added
                    + " (this SDK's open enums keep it; a strict client rejects it)");
        }
    }

    private void comparePattern(JsonNode b, JsonNode h, Direction direction, String pointer) {
        String bPattern = b.path("pattern").asText(null);
        String hPattern = h.path("pattern").asText(null);
        if (direction == Direction.REQUEST && hPattern != null && !hPattern.equals(bPattern)
                && !b.has("discriminator")) {
            // whether one regular expression admits all another admits is not decidable in general: any change
            // of a request pattern is reported, and acknowledged when it only widens
            report(Severity.BREAKING, "pattern-changed", pointer, (bPattern == null ? "none" : bPattern) + " → " + hPattern);
        }
    }

    private void compareProperties(JsonNode b, JsonNode h, Direction direction, String pointer) {
        Set<String> bRequired = values(b.path("required"));
        Set<String> hRequired = values(h.path("required"));
        JsonNode bProps = b.path("properties");
        JsonNode hProps = h.path("properties");
        if (direction == Direction.REQUEST) {
            for (String name : minus(hRequired, bRequired)) {
                report(Severity.BREAKING, "request-required-added", pointer + "/" + name,
                        bProps.has(name) ? "optional → required" : "new required property");
            }
        } else {
            for (String name : minus(bRequired, hRequired)) {
                if (hProps.has(name)) {
                    report(Severity.BREAKING, "response-required-removed", pointer + "/" + name,
                            "always present → may be absent");
                }
            }
        }
        for (Iterator<String> it = bProps.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!hProps.has(name)) {
                if (direction == Direction.RESPONSE) {
                    report(Severity.BREAKING, "response-property-removed", pointer + "/" + name, "no longer answered");
                } else if (h.path("additionalProperties").isBoolean() && !h.path("additionalProperties").asBoolean()) {
                    report(Severity.BREAKING, "request-property-removed", pointer + "/" + name,
                            "no longer accepted (unknown properties are refused)");
                }
                continue;
            }
            compare(bProps.get(name), hProps.get(name), direction, pointer + "/" + name);
        }
        if (direction == Direction.REQUEST) {
            for (Iterator<String> it = hProps.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!bProps.has(name) && !hRequired.contains(name)) {
                    report(Severity.COMPATIBLE, "request-property-added", pointer + "/" + name, "new optional property");
                }
            }
        }
    }

    private void compareUnion(JsonNode b, JsonNode h, Direction direction, String pointer) {
        Map<String, JsonNode> bMembers = members(b);
        Map<String, JsonNode> hMembers = members(h);
        if (bMembers.isEmpty() && hMembers.isEmpty()) {
            return;
        }
        Set<String> bKeys = values(fieldNames(b.path("discriminator").path("mapping")));
        Set<String> hKeys = values(fieldNames(h.path("discriminator").path("mapping")));
        Set<String> removed = minus(bMembers.keySet(), hMembers.keySet());
        removed.addAll(prefixed("value ", minus(bKeys, hKeys)));
        if (!removed.isEmpty()) {
            report(Severity.BREAKING, "union-member-removed", pointer, "no longer: " + removed);
        }
        Set<String> added = minus(hMembers.keySet(), bMembers.keySet());
        added.addAll(prefixed("value ", minus(hKeys, bKeys)));
        if (!added.isEmpty()) {
            if (direction == Direction.RESPONSE) {
                report(Severity.STRICT_CLIENTS, "union-member-added", pointer, "may now answer " + added
                        + " (this SDK reads it as the union's Unknown variant; a strict client rejects it)");
            } else {
                report(Severity.COMPATIBLE, "union-member-added", pointer, "now also accepts " + added);
            }
        }
        for (Map.Entry<String, JsonNode> member : bMembers.entrySet()) {
            JsonNode other = hMembers.get(member.getKey());
            if (other != null) {
                compare(member.getValue(), other, direction, pointer);
            }
        }
    }

    /** {@code oneOf}/{@code anyOf} members by their schema name (or position when inline). */
    private static Map<String, JsonNode> members(JsonNode schema) {
        Map<String, JsonNode> members = new LinkedHashMap<>();
        for (String keyword : List.of("oneOf", "anyOf")) {
            int i = 0;
            for (JsonNode member : schema.path(keyword)) {
                String name = SpecTree.refName(member);
                members.put(name != null ? name : keyword + "[" + i + "]", member);
                i++;
            }
        }
        return members;
    }

    private void report(Severity severity, String rule, String pointer, String message) {
        out.accept(new Finding(severity, rule, head.name, operation, pointer, message));
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> values(Iterator<String> names) {
        Set<String> values = new LinkedHashSet<>();
        names.forEachRemaining(values::add);
        return values;
    }

    private static Iterator<String> fieldNames(JsonNode node) {
        return node.fieldNames();
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static Set<String> prefixed(String prefix, Set<String> values) {
        Set<String> out = new LinkedHashSet<>();
        values.forEach(v -> out.add(prefix + v));
        return out;
    }
}
