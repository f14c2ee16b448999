package dev.modelapi.mock.routing;

import java.lang.reflect.Method;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One operation of a generated JAX-RS server interface.
 *
 * @param httpMethod GET, POST, HEAD, …
 * @param template the full path template, e.g. {@code /model/{model}/download}
 * @param pattern the template as a regex, one group per path parameter
 * @param pathParams the path parameter names, in group order
 * @param method the interface method; its name is the spec's operationId
 */
public record JaxRsRoute(String httpMethod, String template, Pattern pattern, List<String> pathParams,
                         Method method) {

    /** Literal characters of the template: more specific routes are tried first. */
    int literalLength() {
        return template.replaceAll("\\{[^}]+}", "").length();
    }

    public String operationId() {
        return method.getName();
    }
}
