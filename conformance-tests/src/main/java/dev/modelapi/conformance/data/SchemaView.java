package dev.modelapi.conformance.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.conformance.spec.SpecCatalog;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A schema as seen for one value: {@code $ref}s followed, {@code allOf} parts merged and, for a discriminated
 * {@code oneOf}, the variant that the value's discriminator selects.
 */
public final class SchemaView {

    private final SpecCatalog catalog;
    private final Schema<?> schema;
    private final String componentName;

    private SchemaView(SpecCatalog catalog, Schema<?> schema, String componentName) {
        this.catalog = catalog;
        this.schema = schema;
        this.componentName = componentName;
    }

    /** The effective view of {@code schema} for {@code value} (value may be null: no variant selection). */
    public static SchemaView of(SpecCatalog catalog, Schema<?> schema, JsonNode value) {
        String name = null;
        Schema<?> s = schema;
        int guard = 0;
        while (guard++ < 16) {
            if (s.get$ref() != null) {
                name = SpecCatalog.refName(s.get$ref());
                s = catalog.resolve(s);
                continue;
            }
            if (s.getAllOf() != null && !s.getAllOf().isEmpty()) {
                Schema<?> merged = merge(catalog, s);
                if (name == null && s.getAllOf().size() == 1) {
                    name = SpecCatalog.componentName(s.getAllOf().get(0));
                }
                s = merged;
                continue;
            }
            if (s.getOneOf() != null && s.getDiscriminator() != null && value != null && value.isObject()) {
                Schema<?> variant = variant(catalog, s, value);
                if (variant != null) {
                    name = SpecCatalog.componentName(variant);
                    s = catalog.resolve(variant);
                    continue;
                }
            }
            break;
        }
        return new SchemaView(catalog, s, name);
    }

    /** The oneOf member a value's discriminator selects, or null. */
    static Schema<?> variant(SpecCatalog catalog, Schema<?> oneOf, JsonNode value) {
        Discriminator d = oneOf.getDiscriminator();
        JsonNode tag = value.get(d.getPropertyName());
        if (tag == null || !tag.isTextual()) {
            return null;
        }
        if (d.getMapping() != null && d.getMapping().containsKey(tag.asText())) {
            return new Schema<>().$ref(d.getMapping().get(tag.asText()));
        }
        return null;
    }

    private static Schema<?> merge(SpecCatalog catalog, Schema<?> s) {
        Schema<Object> merged = new Schema<>();
        copyScalars(s, merged);
        for (Schema<?> part : s.getAllOf()) {
            Schema<?> p = catalog.resolve(part);
            if (p.getAllOf() != null) {
                p = merge(catalog, p);
            }
            copyScalars(p, merged);
            if (p.getProperties() != null) {
                Map<String, Schema> props = merged.getProperties() == null ? new LinkedHashMap<>()
                        : new LinkedHashMap<>(merged.getProperties());
                props.putAll(p.getProperties());
                merged.setProperties(props);
            }
            if (p.getRequired() != null) {
                Set<String> req = merged.getRequired() == null ? new LinkedHashSet<>()
                        : new LinkedHashSet<>(merged.getRequired());
                req.addAll(p.getRequired());
                merged.setRequired(new ArrayList<>(req));
            }
            if (p.getOneOf() != null) {
                merged.setOneOf(p.getOneOf());
                merged.setDiscriminator(p.getDiscriminator());
            }
        }
        if (s.getProperties() != null) {
            Map<String, Schema> props = merged.getProperties() == null ? new LinkedHashMap<>()
                    : new LinkedHashMap<>(merged.getProperties());
            props.putAll(s.getProperties());
            merged.setProperties(props);
        }
        return merged;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void copyScalars(Schema<?> from, Schema<Object> to) {
        if (from.getType() != null) {
            to.setType(from.getType());
        }
        if (from.getFormat() != null) {
            to.setFormat(from.getFormat());
        }
        if (from.getEnum() != null && !from.getEnum().isEmpty()) {
            to.setEnum((List) from.getEnum());
        }
        if (from.getPattern() != null) {
            to.setPattern(from.getPattern());
        }
        if (from.getMinimum() != null) {
            to.setMinimum(from.getMinimum());
            to.setExclusiveMinimum(from.getExclusiveMinimum());
        }
        if (from.getMaximum() != null) {
            to.setMaximum(from.getMaximum());
            to.setExclusiveMaximum(from.getExclusiveMaximum());
        }
        if (from.getNullable() != null) {
            to.setNullable(from.getNullable());
        }
        if (from.getMinItems() != null) {
            to.setMinItems(from.getMinItems());
        }
        if (from.getMinLength() != null) {
            to.setMinLength(from.getMinLength());
        }
        if (from.getMaxLength() != null) {
            to.setMaxLength(from.getMaxLength());
        }
        if (Boolean.FALSE.equals(from.getAdditionalProperties())) {
            to.setAdditionalProperties(false);
        }
        if (from.getMaxItems() != null) {
            to.setMaxItems(from.getMaxItems());
        }
        if (from.getItems() != null) {
            to.setItems((Schema) from.getItems());
        }
        if (from.getMinProperties() != null) {
            to.setMinProperties(from.getMinProperties());
        }
        if (from.getMaxProperties() != null) {
            to.setMaxProperties(from.getMaxProperties());
        }
    }

    public Schema<?> schema() {
        return schema;
    }

    /** The component this view came from ({@code DecthingsTensor}, …), or null when inline. */
    public String componentName() {
        return componentName;
    }

    public SpecCatalog catalog() {
        return catalog;
    }

    /** The JSON type: {@code object}, {@code array}, {@code string}, … (inferred when absent). */
    public String type() {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getProperties() != null || schema.getOneOf() != null) {
            return "object";
        }
        if (schema.getItems() != null) {
            return "array";
        }
        return null;
    }

    public Map<String, Schema> properties() {
        return schema.getProperties() == null ? Map.of() : schema.getProperties();
    }

    public List<String> required() {
        return schema.getRequired() == null ? List.of() : schema.getRequired();
    }

    public List<?> enumValues() {
        return schema.getEnum() == null ? List.of() : schema.getEnum();
    }

    public String pattern() {
        return schema.getPattern();
    }

    public BigDecimal minimum() {
        return schema.getMinimum();
    }

    public BigDecimal maximum() {
        return schema.getMaximum();
    }

    public boolean exclusiveMinimum() {
        return Boolean.TRUE.equals(schema.getExclusiveMinimum());
    }

    public boolean exclusiveMaximum() {
        return Boolean.TRUE.equals(schema.getExclusiveMaximum());
    }

    /** {@code minLength} of a string, or null. */
    public Integer minLength() {
        return schema.getMinLength();
    }

    /** {@code maxLength} of a string, or null. */
    public Integer maxLength() {
        return schema.getMaxLength();
    }

    /** {@code minItems} of an array, or null. */
    public Integer minItems() {
        return schema.getMinItems();
    }

    /** {@code maxItems} of an array, or null. */
    public Integer maxItems() {
        return schema.getMaxItems();
    }

    /** Whether the object forbids properties it does not declare ({@code additionalProperties: false}). */
    public boolean closed() {
        return Boolean.FALSE.equals(schema.getAdditionalProperties());
    }

    /** The discriminator property of this view's discriminated oneOf (take the view with no value), or null. */
    public String discriminatorProperty() {
        return isDiscriminatedUnion() ? schema.getDiscriminator().getPropertyName() : null;
    }

    public boolean nullable() {
        return Boolean.TRUE.equals(schema.getNullable());
    }

    /** The discriminated oneOf of this view (before variant selection), or null. */
    public boolean isDiscriminatedUnion() {
        return schema.getOneOf() != null && schema.getDiscriminator() != null;
    }

    /** A property's view for a value. */
    public SchemaView property(String name, JsonNode value) {
        Schema<?> p = properties().get(name);
        return p == null ? null : of(catalog, p, value);
    }

    /** The array items' view for a value. */
    public SchemaView items(JsonNode value) {
        return schema.getItems() == null ? null : of(catalog, schema.getItems(), value);
    }
}
