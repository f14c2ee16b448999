package dev.modelapi.conformance.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.spec.SpecCatalog;
import dev.modelapi.decthings.client.tensor.DecthingsTensor;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a minimal valid value of a schema: required properties only, the seed choosing the union variant and the
 * enum member. Discriminator values come from the mapping, patterns of the form {@code ^(a|b)$} give one of their
 * alternatives, {@code DecthingsTensor} values are real serialized tensors.
 */
public final class SchemaInstanceGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern ALTERNATIVES = Pattern.compile("^\\^\\(?([A-Za-z0-9_.\\-|]+)\\)?\\$$");
    private static final int MAX_DEPTH = 10;

    private final SpecCatalog catalog;
    private final Random random;

    public SchemaInstanceGenerator(SpecCatalog catalog, long seed) {
        this.catalog = catalog;
        this.random = new Random(seed);
    }

    public JsonNode generate(Schema<?> schema) {
        return generate(schema, 0, null);
    }

    private JsonNode generate(Schema<?> schema, int depth, String forcedDiscriminator) {
        if (depth > MAX_DEPTH) {
            return JSON.nullNode();
        }
        String name = SpecCatalog.componentName(schema);
        Schema<?> s = catalog.resolve(schema);
        if ("DecthingsTensor".equals(name)) {
            return JSON.textNode(DecthingsTensor.f32(new float[] {1.5f, -2f}, 2).toBase64());
        }
        if (s.getOneOf() != null && !s.getOneOf().isEmpty()) {
            return generateUnion(s, depth);
        }
        if (s.getAllOf() != null && !s.getAllOf().isEmpty()) {
            SchemaView view = SchemaView.of(catalog, s, null);
            if (!"object".equals(view.type())) {
                return generate(view.schema(), depth + 1, null);
            }
            return generateObject(view, depth, null);
        }
        SchemaView view = SchemaView.of(catalog, s, null);
        String type = view.type();
        if (type == null) {
            return view.nullable() ? JSON.nullNode() : JSON.textNode("conformance");
        }
        return switch (type) {
            case "object" -> generateObject(view, depth, forcedDiscriminator);
            case "array" -> generateArray(view, depth);
            case "string" -> generateString(view);
            case "integer" -> JSON.numberNode(number(view, true).longValue());
            case "number" -> JSON.numberNode(number(view, false));
            case "boolean" -> JSON.booleanNode(false);
            default -> JSON.nullNode();
        };
    }

    private JsonNode generateUnion(Schema<?> union, int depth) {
        Discriminator d = union.getDiscriminator();
        if (d != null && d.getMapping() != null && !d.getMapping().isEmpty()) {
            List<Map.Entry<String, String>> entries = new ArrayList<>(d.getMapping().entrySet());
            Map.Entry<String, String> chosen = entries.get(random.nextInt(entries.size()));
            JsonNode value = generate(new Schema<>().$ref(chosen.getValue()), depth + 1, null);
            if (value instanceof ObjectNode o) {
                o.put(d.getPropertyName(), chosen.getKey());
            }
            return value;
        }
        return generate(union.getOneOf().get(random.nextInt(union.getOneOf().size())), depth + 1, null);
    }

    private JsonNode generateObject(SchemaView view, int depth, String forcedDiscriminator) {
        ObjectNode node = JSON.objectNode();
        for (String required : view.required()) {
            Schema<?> prop = view.properties().get(required);
            node.set(required, prop == null ? JSON.textNode("conformance") : generate(prop, depth + 1, null));
        }
        Integer minProperties = view.schema().getMinProperties();
        if (minProperties != null && node.size() < minProperties && !view.properties().isEmpty()) {
            List<String> names = new ArrayList<>(view.properties().keySet());
            names.removeIf(node::has);
            while (node.size() < minProperties && !names.isEmpty()) {
                String pick = names.remove(random.nextInt(names.size()));
                node.set(pick, generate(view.properties().get(pick), depth + 1, null));
            }
        }
        return node;
    }

    private JsonNode generateArray(SchemaView view, int depth) {
        ArrayNode array = JSON.arrayNode();
        int n = view.schema().getMinItems() == null ? 0 : view.schema().getMinItems();
        for (int i = 0; i < n; i++) {
            array.add(generate(view.schema().getItems(), depth + 1, null));
        }
        return array;
    }

    private JsonNode generateString(SchemaView view) {
        List<?> values = view.enumValues();
        if (!values.isEmpty()) {
            List<Object> usable = new ArrayList<>(values);
            usable.removeIf(v -> v == null || "UNKNOWN".equals(v.toString()));
            if (usable.isEmpty()) {
                usable.addAll(values);
            }
            return JSON.textNode(String.valueOf(usable.get(random.nextInt(usable.size()))));
        }
        if (view.pattern() != null) {
            Matcher m = ALTERNATIVES.matcher(view.pattern());
            if (m.matches()) {
                String[] alternatives = m.group(1).split("\\|");
                return JSON.textNode(alternatives[random.nextInt(alternatives.length)]);
            }
        }
        String format = view.schema().getFormat();
        if ("byte".equals(format)) {
            return JSON.textNode(Base64.getEncoder().encodeToString("conformance".getBytes(StandardCharsets.UTF_8)));
        }
        if ("date-time".equals(format)) {
            return JSON.textNode(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        return JSON.textNode("conformance");
    }

    private BigDecimal number(SchemaView view, boolean integer) {
        BigDecimal min = view.minimum();
        BigDecimal max = view.maximum();
        BigDecimal value;
        if (min != null) {
            value = view.exclusiveMinimum() ? min.add(BigDecimal.ONE) : min;
            if (value.signum() == 0 && max != null && max.compareTo(BigDecimal.ONE) >= 0) {
                value = BigDecimal.ONE;
            }
        } else if (max != null) {
            value = max.min(BigDecimal.ONE);
        } else {
            value = BigDecimal.ONE;
        }
        return integer ? new BigDecimal(value.toBigInteger()) : value;
    }
}
