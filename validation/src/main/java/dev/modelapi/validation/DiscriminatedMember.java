package dev.modelapi.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which member of a discriminated {@code oneOf} a value names: through the discriminator's {@code mapping}, or by
 * the member schema's own name (the implicit mapping). Shared by {@link DiscriminatedOneOf} and
 * {@link DiscriminatorKeyword}, which must agree on it.
 */
final class DiscriminatedMember {

    static final int NONE = -1;

    private DiscriminatedMember() {
    }

    /**
     * The {@code oneOf} members of a schema that has a discriminator, or null; null too when a member is inline
     * (a spec parsed with references inlined): then members have no names to map to and the library's own
     * keywords judge, as shipped.
     */
    static JsonNode members(JsonNode schema) {
        JsonNode members = schema.get("discriminator") == null ? null : schema.get("oneOf");
        if (members == null || !members.isArray()) {
            return null;
        }
        for (JsonNode member : members) {
            if (!member.path("$ref").isTextual()) {
                return null;
            }
        }
        return members;
    }

    /** The discriminator value of the instance (null unless a non-empty text). */
    static String value(JsonNode schema, JsonNode instance) {
        JsonNode property = schema.path("discriminator").get("propertyName");
        JsonNode value = property == null || !instance.isObject() ? null : instance.get(property.asText());
        return value != null && value.isTextual() && !value.textValue().isEmpty() ? value.textValue() : null;
    }

    /** Index in {@code oneOf} of the member the instance's discriminator value names, or {@link #NONE}. */
    static int index(JsonNode schema, JsonNode instance) {
        return members(schema) == null ? NONE : index(schema, value(schema, instance));
    }

    /** Index in {@code oneOf} of the member a discriminator value (already read) names, or {@link #NONE}. */
    static int index(JsonNode schema, String value) {
        JsonNode members = members(schema);
        if (members == null || value == null) {
            return NONE;
        }
        JsonNode mapped = schema.path("discriminator").path("mapping").get(value);
        String name = mapped != null && mapped.isTextual() ? schemaName(mapped.textValue()) : value;
        for (int i = 0; i < members.size(); i++) {
            JsonNode ref = members.get(i).get("$ref");
            if (ref != null && ref.isTextual() && schemaName(ref.textValue()).equals(name)) {
                return i;
            }
        }
        return NONE;
    }

    /** The values that name a member: the mapping's keys and the members' schema names (as the library lists). */
    static Set<String> allowedValues(JsonNode schema) {
        Set<String> allowed = new LinkedHashSet<>();
        schema.path("discriminator").path("mapping").fieldNames().forEachRemaining(allowed::add);
        JsonNode members = members(schema);
        if (members != null) {
            for (JsonNode member : members) {
                if (member.path("$ref").isTextual()) {
                    allowed.add(schemaName(member.get("$ref").textValue()));
                }
            }
        }
        return allowed;
    }

    static String schemaName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }
}
