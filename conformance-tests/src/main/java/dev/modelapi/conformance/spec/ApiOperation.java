package dev.modelapi.conformance.spec;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One operation of a spec document, as the suite sees it: where it lives, what it declares. Everything here is read
 * from the document; nothing is restated.
 */
public record ApiOperation(Api api, String id, String path, PathItem.HttpMethod httpMethod, Operation operation,
                           SpecCatalog catalog) {

    /** {@code api.operationId}, unique across both documents. */
    public String key() {
        return api.key() + "." + id;
    }

    /** {@code POST /Model/createModel}. */
    public String label() {
        return httpMethod + " " + path;
    }

    /** The Decthings method name ({@code /Model/{method}}), or the operationId for Pieces. */
    public String rpcName() {
        return api == Api.DECTHINGS ? path.substring(path.lastIndexOf('/') + 1) : id;
    }

    /** Declared response status keys: {@code "200"}, {@code "500"}, {@code "2XX"}, {@code "default"}. */
    public Set<String> declaredStatuses() {
        return operation.getResponses() == null ? Set.of() : operation.getResponses().keySet();
    }

    /** Whether {@code status} is declared (exactly, by a {@code NXX} range, or by {@code default}). */
    public boolean declares(int status) {
        return responseKey(status) != null;
    }

    /** The response key that covers {@code status}, or null. */
    public String responseKey(int status) {
        Set<String> keys = declaredStatuses();
        String exact = Integer.toString(status);
        if (keys.contains(exact)) {
            return exact;
        }
        String range = (status / 100) + "XX";
        for (String key : keys) {
            if (key.equalsIgnoreCase(range)) {
                return key;
            }
        }
        return keys.contains("default") ? "default" : null;
    }

    /** The declared response of a status (refs resolved), or null. */
    public ApiResponse response(int status) {
        String key = responseKey(status);
        return key == null ? null : catalog.resolve(operation.getResponses().get(key));
    }

    /** The media types declared for {@code status}; empty when the response declares no content. */
    public Set<String> responseContentTypes(int status) {
        ApiResponse response = response(status);
        if (response == null || response.getContent() == null) {
            return Set.of();
        }
        return response.getContent().keySet();
    }

    /** Whether the operation declares this status at all with some content. */
    public boolean declaresContent(int status) {
        return !responseContentTypes(status).isEmpty();
    }

    /** The {@code application/json} request body media type, or null. */
    public MediaType jsonRequest() {
        if (operation.getRequestBody() == null) {
            return null;
        }
        Content content = catalog.resolve(operation.getRequestBody()).getContent();
        return content == null ? null : content.get("application/json");
    }

    /** Whether the operation takes a JSON request body. */
    public boolean hasJsonBody() {
        return jsonRequest() != null && jsonRequest().getSchema() != null;
    }

    /** The {@code application/json} media type of a response status, or null. */
    public MediaType jsonResponse(int status) {
        ApiResponse response = response(status);
        return response == null || response.getContent() == null ? null : response.getContent().get("application/json");
    }

    /** Path parameter names, in order of appearance in the path. */
    public List<String> pathParameters() {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Path and operation parameters, refs resolved. */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        PathItem item = catalog.api().getPaths().get(path);
        if (item.getParameters() != null) {
            item.getParameters().forEach(p -> all.add(catalog.resolve(p)));
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> all.add(catalog.resolve(p)));
        }
        return all;
    }

    /** The path with its parameters filled in. */
    public String concretePath(Map<String, String> values) {
        String p = path;
        for (String name : pathParameters()) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("No value for path parameter " + name + " of " + label());
            }
            p = p.replace("{" + name + "}", value);
        }
        return p;
    }

    /** True when the operation is a WebSocket in disguise ({@code x-modelapi-websocket}). */
    public boolean isWebSocket() {
        return Boolean.TRUE.equals(extension("x-modelapi-websocket"));
    }

    /** The operation's security requirements (its own, else the document's). */
    public List<SecurityRequirement> security() {
        if (operation.getSecurity() != null) {
            return operation.getSecurity();
        }
        return catalog.api().getSecurity() == null ? List.of() : catalog.api().getSecurity();
    }

    /** True when a request without credentials is allowed: no requirement, or an empty one ({@code - {}}). */
    public boolean allowsAnonymous() {
        List<SecurityRequirement> security = security();
        return security.isEmpty() || security.stream().anyMatch(Map::isEmpty);
    }

    /** Named request examples of the JSON body, refs resolved, in document order. */
    public Map<String, Object> requestExamples() {
        MediaType json = jsonRequest();
        return json == null ? Map.of() : catalog.examples(json);
    }

    public Object extension(String name) {
        return operation.getExtensions() == null ? null : operation.getExtensions().get(name);
    }

    @Override
    public String toString() {
        return key();
    }
}
