package dev.modelapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.spec.ModelApiSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule that makes {@link DiscriminatedOneOf} sound: in every discriminated union of the shipped specs, the
 * members are references, every mapping target is a member, and each member requires the discriminator property
 * and pins it (by a {@code pattern} of literal alternatives) to exactly the values that map to it - so a value
 * that names one member can match no other.
 */
class DiscriminatedUnionsTest {

    private static final Pattern LITERAL_ALTERNATIVES = Pattern.compile("\\^\\(?[A-Za-z0-9_|]+\\)?\\$");

    @Test
    void everyMemberPinsTheDiscriminatorToItsOwnValues() {
        List<String> problems = new ArrayList<>();
        int unions = 0;
        for (ModelApiSpec spec : ModelApiSpec.values()) {
            JsonNode schemas = document(spec).path("components").path("schemas");
            for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> union = it.next();
                if (union.getValue().has("discriminator")) {
                    unions++;
                    check(union.getKey(), union.getValue(), schemas, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(unions).as("discriminated unions in the shipped specs").isGreaterThan(10);
    }

    private static void check(String unionName, JsonNode union, JsonNode schemas, List<String> problems) {
        String property = union.path("discriminator").path("propertyName").asText();
        JsonNode mapping = union.path("discriminator").path("mapping");
        Set<String> members = new TreeSet<>();
        for (JsonNode member : union.path("oneOf")) {
            if (!member.path("$ref").isTextual()) {
                problems.add(unionName + ": a member is not a reference");
                return;
            }
            members.add(DiscriminatedMember.schemaName(member.get("$ref").asText()));
        }
        Set<String> probes = new TreeSet<>(members);
        mapping.fieldNames().forEachRemaining(probes::add);
        mapping.fields().forEachRemaining(e -> {
            if (!members.contains(DiscriminatedMember.schemaName(e.getValue().asText()))) {
                problems.add(unionName + ": mapping " + e.getKey() + " names no member");
            }
        });
        for (String member : members) {
            JsonNode schema = schemas.path(member);
            boolean required = false;
            for (JsonNode r : schema.path("required")) {
                required |= r.asText().equals(property);
            }
            String pattern = schema.path("properties").path(property).path("pattern").asText("");
            if (!required || !LITERAL_ALTERNATIVES.matcher(pattern).matches()) {
                problems.add(unionName + "/" + member + ": " + property + " is not required and pinned by a pattern "
                        + "of literal values (" + pattern + ")");
                continue;
            }
            for (String probe : probes) {
                JsonNode target = mapping.get(probe);
                boolean mapsHere = target != null && DiscriminatedMember.schemaName(target.asText()).equals(member);
                if (Pattern.compile(pattern).matcher(probe).matches() != mapsHere) {
                    problems.add(unionName + "/" + member + ": pattern " + pattern + (mapsHere ? " rejects " :
                            " accepts ") + probe);
                }
            }
        }
    }

    private static JsonNode document(ModelApiSpec spec) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(spec.text());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
