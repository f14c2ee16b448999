package dev.modelapi.validation;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.ApiPathImpl;
import com.atlassian.oai.validator.model.NormalisedPath;
import com.atlassian.oai.validator.model.NormalisedPathImpl;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Picks the validator for a request path. swagger-request-validator finds a request's path item by compiling two
 * regexes per path part of every path of the spec with as many parts, on every request
 * ({@code ApiPathImpl.partMatches}: ~130 compilations per Decthings call, a third of validating a createModel).
 * Here the path templates are compiled once; a request whose path matches exactly one of them is validated by a
 * validator built (once, on first use) over a copy of the spec that holds only that path, so its own lookup is
 * one template. A path that matches none or several goes to the whole-spec validator, whose choice among several
 * and whose "no such path" verdict are then its own - so the verdicts are the library's in every case.
 */
final class PathScopedValidators {

    private final OpenAPI api;
    private final String basePath;
    private final Function<OpenAPI, OpenApiInteractionValidator> build;
    private final OpenApiInteractionValidator whole;
    private final Map<Integer, List<CompiledTemplate>> templatesByParts = new HashMap<>();
    /**
     * Templates without parameters that no other template matches, by their lower-cased path: a request equal to
     * one (ignoring case, as the library matches) has that template as its only match, found without a regex
     * (every Decthings path; the scan below allocated a Matcher per part and template, a fifth of the garbage of
     * a validation).
     */
    private final Map<String, String> uniqueLiterals = new HashMap<>();
    private final Map<String, OpenApiInteractionValidator> scoped = new ConcurrentHashMap<>();

    /** One spec path with a pattern per part, built the way {@code ApiPathImpl.partMatches} builds them. */
    private record CompiledTemplate(String template, Pattern[] parts) {

        static CompiledTemplate of(String template, String basePath) {
            ApiPathImpl path = new ApiPathImpl(template, basePath);
            Pattern[] parts = new Pattern[path.numberOfParts()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = Pattern.compile(Pattern.quote(path.part(i)).replaceAll("\\{(.*?)}", "\\\\E(.*?)\\\\Q"),
                        Pattern.CASE_INSENSITIVE);
            }
            return new CompiledTemplate(template, parts);
        }

        boolean matches(NormalisedPath request) {
            for (int i = 0; i < parts.length; i++) {
                if (!parts[i].matcher(request.part(i)).matches()) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * @param api      the spec as the library loads it (its preparations applied); not changed
     * @param basePath the path prefix every validator is told to strip (the same for all, so that the matching
     *                 here and the library's agree)
     * @param build    makes a validator over a spec; called for the whole spec now and per path on first use
     */
    PathScopedValidators(OpenAPI api, String basePath, Function<OpenAPI, OpenApiInteractionValidator> build) {
        this.api = api;
        this.basePath = basePath;
        this.build = build;
        this.whole = build.apply(api);
        if (api.getPaths() != null) {
            for (String template : api.getPaths().keySet()) {
                CompiledTemplate t = CompiledTemplate.of(template, basePath);
                templatesByParts.computeIfAbsent(t.parts().length, n -> new ArrayList<>()).add(t);
            }
            for (String template : api.getPaths().keySet()) {
                NormalisedPath literal = new ApiPathImpl(template, basePath);
                if (!template.contains("{") && template.equals(onlyMatch(literal))) {
                    uniqueLiterals.put(literal.normalised().toLowerCase(Locale.ROOT), template);
                }
            }
        }
    }

    /** The validator for a request to {@code path} (as sent, base path included). */
    OpenApiInteractionValidator forPath(String path) {
        String only = uniqueLiteral(path);
        if (only == null) {
            only = onlyMatch(new NormalisedPathImpl(path, basePath));
        }
        return only == null ? whole : scoped.computeIfAbsent(only, this::buildScoped);
    }

    /**
     * The template of a request to {@code path} when it is a template without parameters that no other template
     * matches (compared as the library compares: ignoring case), else null.
     */
    String uniqueLiteral(String path) {
        return uniqueLiterals.get(new NormalisedPathImpl(path, basePath).normalised().toLowerCase(Locale.ROOT));
    }

    /** The validator over the whole spec. */
    OpenApiInteractionValidator whole() {
        return whole;
    }

    /** The one template that matches the path, or null if none or several do. */
    private String onlyMatch(NormalisedPath request) {
        String only = null;
        for (CompiledTemplate t : templatesByParts.getOrDefault(request.numberOfParts(), List.of())) {
            if (t.matches(request)) {
                if (only != null) {
                    return null;
                }
                only = t.template();
            }
        }
        return only;
    }

    private OpenApiInteractionValidator buildScoped(String template) {
        OpenAPI one = new OpenAPI()
                .openapi(api.getOpenapi())
                .info(api.getInfo())
                .servers(api.getServers())
                .security(api.getSecurity())
                .components(api.getComponents())
                .paths(new Paths().addPathItem(template, api.getPaths().get(template)));
        return build.apply(one);
    }
}
