package dev.modelapi.mock.recorded;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import java.util.Map;
import java.util.Optional;

/**
 * What a stub tells the mock's transformer, in {@code response.transformerParameters.modelapi}:
 * <pre>{"api": "decthings"|"pieces", "role": "simulate"|"canned"|"passthrough", "operation": …, "example": …}</pre>
 * A stub without it is a user stub: its API is inferred from the path and its response is served as canned (for
 * Decthings: the body is the logical JSON envelope, sent in the client's encoding). {@code role: passthrough}
 * switches the mock's handling off for one stub.
 */
public record StubParameters(Optional<ApiKind> api, Role role, Optional<String> operation, Optional<String> example,
                             Optional<StubKind> kind) {

    public static final String KEY = "modelapi";

    public enum Role { SIMULATE, CANNED, PASSTHROUGH }

    public static StubParameters of(ResponseDefinition definition) {
        Parameters parameters = definition == null ? null : definition.getTransformerParameters();
        Object raw = parameters == null ? null : parameters.get(KEY);
        if (!(raw instanceof Map<?, ?> map)) {
            return new StubParameters(Optional.empty(), Role.CANNED, Optional.empty(), Optional.empty(),
                    Optional.empty());
        }
        Optional<ApiKind> api = text(map, "api").map(ApiKind::fromWireName);
        Role role = text(map, "role").map(r -> Role.valueOf(r.toUpperCase(java.util.Locale.ROOT))).orElse(Role.CANNED);
        Optional<StubKind> kind = text(map, "kind").map(k -> StubKind.valueOf(k.toUpperCase(java.util.Locale.ROOT)));
        return new StubParameters(api, role, text(map, "operation"), text(map, "example"), kind);
    }

    /** A shipped stub that answers every call of its operation (recorded mode), whatever the Prefer header says. */
    public boolean isRecordedDefault() {
        return kind.filter(k -> k == StubKind.DEFAULT).isPresent();
    }

    /** The parameters map for a stub that is not one of the shipped example stubs. */
    public static Map<String, Object> forStub(ApiKind api, Role role, String operation, String example) {
        return forStub(api, role, operation, example, null);
    }

    /** The parameters map for a stub. */
    public static Map<String, Object> forStub(ApiKind api, Role role, String operation, String example,
                                              StubKind kind) {
        Map<String, Object> inner = new java.util.LinkedHashMap<>();
        inner.put("api", api.wireName());
        inner.put("role", role.name().toLowerCase(java.util.Locale.ROOT));
        if (operation != null) {
            inner.put("operation", operation);
        }
        if (example != null) {
            inner.put("example", example);
        }
        if (kind != null) {
            inner.put("kind", kind.wireName());
        }
        return Map.of(KEY, inner);
    }

    private static Optional<String> text(Map<?, ?> map, String key) {
        Object v = map.get(key);
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }
}
