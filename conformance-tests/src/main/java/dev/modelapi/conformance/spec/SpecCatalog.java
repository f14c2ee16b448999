package dev.modelapi.conformance.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operations and components of one spec document, read through swagger-parser (refs kept, resolved here). */
public final class SpecCatalog {

    private static final Map<Api, SpecCatalog> CATALOGS = Collections.synchronizedMap(new EnumMap<>(Api.class));

    private final Api apiKind;
    private final OpenAPI api;
    private final List<ApiOperation> operations;

    private SpecCatalog(Api apiKind) {
        this.apiKind = apiKind;
        this.api = apiKind.spec().openApi();
        List<ApiOperation> ops = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                ops.add(new ApiOperation(apiKind, op.getOperationId(), path, method, op, this))));
        this.operations = List.copyOf(ops);
    }

    public static SpecCatalog of(Api api) {
        return CATALOGS.computeIfAbsent(api, SpecCatalog::new);
    }

    public Api kind() {
        return apiKind;
    }

    public OpenAPI api() {
        return api;
    }

    /** Every operation, in document order. */
    public List<ApiOperation> operations() {
        return operations;
    }

    public Optional<ApiOperation> find(String operationId) {
        return operations.stream().filter(o -> o.id().equals(operationId)).findFirst();
    }

    public ApiOperation operation(String operationId) {
        return find(operationId).orElseThrow(() ->
                new IllegalArgumentException("No operation " + operationId + " in " + apiKind.title()));
    }

    /** A component schema by name. */
    public Schema<?> component(String name) {
        Schema<?> schema = api.getComponents().getSchemas().get(name);
        if (schema == null) {
            throw new IllegalArgumentException("No component schema " + name + " in " + apiKind.title());
        }
        return schema;
    }

    public static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** Follows {@code $ref}s to the component schema. */
    public Schema<?> resolve(Schema<?> schema) {
        Schema<?> s = schema;
        int guard = 0;
        while (s != null && s.get$ref() != null && guard++ < 32) {
            s = component(refName(s.get$ref()));
        }
        return s;
    }

    /** The component name a schema refers to, or null when it is inline. */
    public static String componentName(Schema<?> schema) {
        return schema == null || schema.get$ref() == null ? null : refName(schema.get$ref());
    }

    public ApiResponse resolve(ApiResponse response) {
        if (response != null && response.get$ref() != null) {
            return api.getComponents().getResponses().get(refName(response.get$ref()));
        }
        return response;
    }

    public RequestBody resolve(RequestBody body) {
        if (body != null && body.get$ref() != null) {
            return api.getComponents().getRequestBodies().get(refName(body.get$ref()));
        }
        return body;
    }

    public Parameter resolve(Parameter parameter) {
        if (parameter != null && parameter.get$ref() != null) {
            return api.getComponents().getParameters().get(refName(parameter.get$ref()));
        }
        return parameter;
    }

    public Example resolve(Example example) {
        if (example != null && example.get$ref() != null) {
            return api.getComponents().getExamples().get(refName(example.get$ref()));
        }
        return example;
    }

    /** The named examples of a media type, values as Jackson-friendly objects, in document order. */
    public Map<String, Object> examples(MediaType media) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (media.getExamples() != null) {
            media.getExamples().forEach((name, ex) -> {
                Example resolved = resolve(ex);
                if (resolved != null) {
                    out.put(name, resolved.getValue());
                }
            });
        }
        return out;
    }

    /** An example value as a Jackson tree (deep copy). */
    public static JsonNode toJson(Object exampleValue) {
        ObjectMapper mapper = Json.mapper();
        if (exampleValue instanceof JsonNode node) {
            return node.deepCopy();
        }
        return mapper.valueToTree(exampleValue);
    }
}
