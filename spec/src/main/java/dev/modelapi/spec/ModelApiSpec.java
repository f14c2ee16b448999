package dev.modelapi.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The OpenAPI documents of the kit, as shipped on the classpath by this module. Every other module reads the
 * contract through here, so that there is exactly one copy of it.
 */
public enum ModelApiSpec {
    DECTHINGS("openapi/decthings-model-api.yaml"),
    PIECES("openapi/pieces-model-api.yaml");

    private final String resource;
    private volatile String text;
    private volatile OpenAPI parsed;

    ModelApiSpec(String resource) {
        this.resource = resource;
    }

    /** The classpath resource name, e.g. {@code openapi/decthings-model-api.yaml}. */
    public String resource() {
        return resource;
    }

    public URL url() {
        URL url = ModelApiSpec.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Spec resource missing from the classpath: " + resource);
        }
        return url;
    }

    /** The document's YAML text. */
    public String text() {
        String t = text;
        if (t == null) {
            try (InputStream in = url().openStream()) {
                t = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
            text = t;
        }
        return t;
    }

    /** The document parsed by swagger-parser (references kept, not inlined); parsed once and cached. */
    public OpenAPI openApi() {
        OpenAPI api = parsed;
        if (api == null) {
            api = parseOnce();
        }
        return api;
    }

    /** One parse even when several threads ask at once. */
    private synchronized OpenAPI parseOnce() {
        OpenAPI api = parsed;
        if (api == null) {
            SwaggerParseResult result = parse();
            if (result.getOpenAPI() == null) {
                throw new IllegalStateException("Cannot parse " + resource + ": " + result.getMessages());
            }
            api = result.getOpenAPI();
            parsed = api;
        }
        return api;
    }

    /** Parses the document afresh and returns the parser's full result, messages included. */
    public SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text(), List.of(), options);
        if (result.getMessages() == null) {
            result.setMessages(List.of());
        }
        return result;
    }
}
