package dev.modelapi.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Read-only helpers over a parsed spec, shared by the spec tests. */
final class SpecModel {
    private static final Pattern ALTERNATIVES = Pattern.compile("^\\^\\(?([A-Za-z0-9_|\\-]+)\\)?\\$$");

    private final OpenAPI api;

    SpecModel(OpenAPI api) {
        this.api = api;
    }

    OpenAPI api() {
        return api;
    }

    /** One operation with its path and HTTP method. */
    record Op(String path, PathItem.HttpMethod method, Operation operation) {
        String label() {
            return method + " " + path;
        }
    }

    List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        api.getPaths().forEach((path, item) ->
                item.readOperationsMap().forEach((method, op) -> ops.add(new Op(path, method, op))));
        return ops;
    }

    Schema<?> component(String name) {
        Schema<?> s = api.getComponents().getSchemas().get(name);
        if (s == null) {
            throw new AssertionError("No component schema " + name);
        }
        return s;
    }

    /** Follows a {@code $ref} (if any) to the component schema. */
    Schema<?> resolve(Schema<?> schema) {
        Schema<?> s = schema;
        while (s != null && s.get$ref() != null) {
            s = component(refName(s.get$ref()));
        }
        return s;
    }

    static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    Example resolve(Example example) {
        if (example.get$ref() == null) {
            return example;
        }
        Example target = api.getComponents().getExamples().get(refName(example.get$ref()));
        if (target == null) {
            throw new AssertionError("Dangling example reference " + example.get$ref());
        }
        return target;
    }

    ApiResponse resolve(ApiResponse response) {
        if (response.get$ref() == null) {
            return response;
        }
        return api.getComponents().getResponses().get(refName(response.get$ref()));
    }

    /** The values a discriminator property admits: the alternatives of its {@code pattern}. */
    static Set<String> patternAlternatives(String pattern) {
        if (pattern == null) {
            return Set.of();
        }
        Matcher m = ALTERNATIVES.matcher(pattern);
        if (!m.matches()) {
            throw new AssertionError("Discriminator pattern is not of the form ^(a|b)$: " + pattern);
        }
        return new LinkedHashSet<>(Arrays.asList(m.group(1).split("\\|")));
    }

    /** Every schema reachable from the operation's request body and responses (each visited once). */
    List<Schema<?>> closure(Operation op) {
        List<Schema<?>> roots = new ArrayList<>();
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            op.getRequestBody().getContent().values().forEach(m -> roots.add(m.getSchema()));
        }
        if (op.getParameters() != null) {
            op.getParameters().forEach(p -> roots.add(p.getSchema()));
        }
        op.getResponses().values().forEach(r -> {
            ApiResponse resolved = resolve(r);
            if (resolved.getContent() != null) {
                resolved.getContent().values().forEach(m -> roots.add(m.getSchema()));
            }
        });
        List<Schema<?>> out = new ArrayList<>();
        Map<Schema<?>, Boolean> seen = new IdentityHashMap<>();
        Deque<Schema<?>> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Schema<?> s = resolve(todo.pop());
            if (s == null || seen.put(s, true) != null) {
                continue;
            }
            out.add(s);
            children(s, child -> todo.push(child));
        }
        return out;
    }

    /** Direct sub-schemas of a schema: properties, items, oneOf members, additionalProperties. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void children(Schema<?> s, Consumer<Schema> sink) {
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(sink);
        }
        if (s.getItems() != null) {
            sink.accept(s.getItems());
        }
        if (s.getOneOf() != null) {
            s.getOneOf().forEach(sink);
        }
        if (s.getAnyOf() != null) {
            s.getAnyOf().forEach(sink);
        }
        if (s.getAllOf() != null) {
            s.getAllOf().forEach(sink);
        }
        if (s.getAdditionalProperties() instanceof Schema<?> ap) {
            sink.accept(ap);
        }
    }

    /** Named examples of one media type: name → resolved value. */
    Map<String, Object> examples(MediaType media) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (media != null && media.getExamples() != null) {
            media.getExamples().forEach((name, ex) -> out.put(name, resolve(ex).getValue()));
        }
        return out;
    }
}
