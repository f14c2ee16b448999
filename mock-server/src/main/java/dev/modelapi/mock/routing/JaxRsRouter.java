package dev.modelapi.mock.routing;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal router over generated JAX-RS server interfaces ({@code interfaceOnly} jaxrs-spec): reads their
 * {@code @Path}/{@code @GET}/{@code @POST}/… annotations and calls the implementation with the path parameters and
 * the body. No JAX-RS runtime is involved; the annotations are only read.
 */
public final class JaxRsRouter {

    /** A route that matched a request, with the decoded path parameters. */
    public record Match(JaxRsRoute route, Map<String, String> pathParams) {
    }

    private final List<JaxRsRoute> routes = new ArrayList<>();

    public JaxRsRouter(Class<?>... interfaces) {
        for (Class<?> type : interfaces) {
            Path classPath = type.getAnnotation(Path.class);
            String prefix = classPath == null ? "" : classPath.value();
            for (Method m : type.getMethods()) {
                httpMethod(m).ifPresent(verb -> {
                    Path p = m.getAnnotation(Path.class);
                    String template = normalize(prefix + (p == null ? "" : p.value()));
                    List<String> names = new ArrayList<>();
                    routes.add(new JaxRsRoute(verb, template, compile(template, names), names, m));
                });
            }
        }
        routes.sort(Comparator.comparingInt(JaxRsRoute::literalLength).reversed());
    }

    /** The route for {@code method path}, if any. */
    public Optional<Match> match(String httpMethod, String path) {
        for (JaxRsRoute route : routes) {
            if (!route.httpMethod().equals(httpMethod)) {
                continue;
            }
            Matcher m = route.pattern().matcher(path);
            if (m.matches()) {
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 0; i < route.pathParams().size(); i++) {
                    params.put(route.pathParams().get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
                }
                return Optional.of(new Match(route, params));
            }
        }
        return Optional.empty();
    }

    /** True if some route has this path for another HTTP method. */
    public boolean pathExists(String path) {
        return routes.stream().anyMatch(r -> r.pattern().matcher(path).matches());
    }

    /**
     * The arguments for a match: each {@code @PathParam} from the path, the one unannotated parameter from
     * {@code body} (given the parameter's type).
     */
    public static Object[] arguments(Match match, Function<Class<?>, Object> body) {
        Parameter[] params = match.route().method().getParameters();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            PathParam pp = params[i].getAnnotation(PathParam.class);
            args[i] = pp != null ? match.pathParams().get(pp.value()) : body.apply(params[i].getType());
        }
        return args;
    }

    private static Optional<String> httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            Class<? extends Annotation> t = a.annotationType();
            if (t == GET.class || t == POST.class || t == HEAD.class || t == PUT.class || t == DELETE.class
                    || t == PATCH.class) {
                return Optional.of(t.getSimpleName());
            }
        }
        return Optional.empty();
    }

    private static String normalize(String path) {
        String p = path.replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static Pattern compile(String template, List<String> names) {
        StringBuilder regex = new StringBuilder();
        Matcher m = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}").matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1).trim());
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
