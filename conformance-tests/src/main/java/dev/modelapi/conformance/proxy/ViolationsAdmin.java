package dev.modelapi.conformance.proxy;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.modelapi.conformance.spec.Api;

/**
 * The report on demand:
 * <ul>
 *   <li>{@code GET /__admin/modelapi/violations}: {@code {"exchanges": n, "violations": [...]}};
 *       {@code ?format=junit&api=decthings} the JUnit XML of one API; {@code ?format=html} the coverage table;
 *       {@code ?format=results} the suite's results JSON.</li>
 *   <li>{@code DELETE /__admin/modelapi/violations}: forget everything so far.</li>
 * </ul>
 */
final class ViolationsAdmin implements AdminApiExtension {

    static final String PATH = "/modelapi/violations";

    private final ViolationLog log;

    ViolationsAdmin(ViolationLog log) {
        this.log = log;
    }

    @Override
    public String getName() {
        return "modelapi-proxy-violations";
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(RequestMethod.GET, PATH, (admin, serveEvent, pathParams) -> report(serveEvent));
        router.add(RequestMethod.DELETE, PATH, (admin, serveEvent, pathParams) -> {
            log.clear();
            return answer(200, "application/json", "{\"exchanges\":0,\"violations\":[]}");
        });
    }

    private ResponseDefinition report(ServeEvent serveEvent) {
        String format = param(serveEvent, "format", "json");
        switch (format) {
            case "json":
                return answer(200, "application/json", log.violationsJson());
            case "html":
                return answer(200, "text/html; charset=utf-8", log.html());
            case "results":
                return answer(200, "application/json", json(log.results()));
            case "junit":
                try {
                    Api api = Api.fromKey(param(serveEvent, "api", "decthings"));
                    return answer(200, "application/xml", log.junitXml(api));
                } catch (IllegalArgumentException e) {
                    return answer(400, "application/json", "{\"error\":\"" + e.getMessage() + "\"}");
                }
            default:
                return answer(400, "application/json",
                        "{\"error\":\"format must be json, junit, html or results, not " + format.replace("\"", "") + "\"}");
        }
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String param(ServeEvent serveEvent, String name, String fallback) {
        QueryParameter p = serveEvent.getRequest().queryParameter(name);
        return p != null && p.isPresent() ? p.firstValue() : fallback;
    }

    private static ResponseDefinition answer(int status, String contentType, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body).build();
    }
}
