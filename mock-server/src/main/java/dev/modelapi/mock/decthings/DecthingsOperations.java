package dev.modelapi.mock.decthings;

import dev.modelapi.spec.ModelApiSpec;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What the spec says about each Decthings method that the transport layer needs: does it allow anonymous calls. */
public final class DecthingsOperations {

    private final Map<String, Boolean> anonymousAllowed = new TreeMap<>();

    private DecthingsOperations(OpenAPI api) {
        List<SecurityRequirement> global = api.getSecurity() == null ? List.of() : api.getSecurity();
        api.getPaths().forEach((path, item) -> {
            Operation post = item.getPost();
            if (post != null && path.startsWith("/Model/")) {
                List<SecurityRequirement> security = post.getSecurity() != null ? post.getSecurity() : global;
                boolean anonymous = security.isEmpty() || security.stream().anyMatch(Map::isEmpty);
                anonymousAllowed.put(path.substring("/Model/".length()), anonymous);
            }
        });
    }

    public static DecthingsOperations fromSpec() {
        return new DecthingsOperations(ModelApiSpec.DECTHINGS.openApi());
    }

    public Set<String> methods() {
        return Collections.unmodifiableSet(anonymousAllowed.keySet());
    }

    public boolean exists(String method) {
        return anonymousAllowed.containsKey(method);
    }

    public boolean allowsAnonymous(String method) {
        return anonymousAllowed.getOrDefault(method, false);
    }
}
