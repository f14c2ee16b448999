package dev.modelapi.mock.junit;

import dev.modelapi.mock.ModelApiMock;
import dev.modelapi.mock.validation.ServedViolation;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * JUnit 5 extension behind {@link ModelApiMockTest}; can also be registered by hand to configure the mock fully:
 *
 * <pre>{@code
 * @RegisterExtension
 * static ModelApiMockExtension mock = ModelApiMockExtension.of(ModelApiMock.builder().seed(3).apiKey("k"));
 * }</pre>
 *
 * One mock per test class (a static field or the annotation) or per test (an instance field), started on a free
 * loopback port and stopped afterwards. Before each test the mock is {@linkplain ModelApiMock#reset() reset}; after
 * each test, the responses it served that do not conform to the spec fail the test.
 */
public final class ModelApiMockExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            ModelApiMockExtension.class);
    private static final String KEY = "mock";

    private final Supplier<ModelApiMock.Builder> configured;
    private volatile ModelApiMock mock;
    private volatile boolean classScoped;

    /** For {@code @ModelApiMockTest}: configured by the annotation. */
    public ModelApiMockExtension() {
        this.configured = null;
    }

    private ModelApiMockExtension(Supplier<ModelApiMock.Builder> builder) {
        this.configured = builder;
    }

    /** An extension whose mock is built from this builder (its port is replaced by a free one, validation on). */
    public static ModelApiMockExtension of(ModelApiMock.Builder builder) {
        return new ModelApiMockExtension(() -> builder);
    }

    /** The running mock (between beforeAll/beforeEach and the end of the class or test). */
    public ModelApiMock mock() {
        if (mock == null) {
            throw new IllegalStateException("The mock is started by JUnit before the first test");
        }
        return mock;
    }

    public String decthingsBaseUrl() {
        return mock().decthingsBaseUrl();
    }

    public String piecesBaseUrl() {
        return mock().piecesBaseUrl();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        classScoped = true;
        start(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ModelApiMock m = start(context);
        m.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<ServedViolation> violations = start(context).drainConformanceViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError("The mock served " + violations.size() + " response(s) that do not conform"
                    + " to the spec:\n  " + violations.stream().map(ServedViolation::toString)
                    .collect(Collectors.joining("\n  ")));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == ModelApiMock.class) {
            return true;
        }
        boolean annotated = parameter.isAnnotated(DecthingsUrl.class) || parameter.isAnnotated(PiecesUrl.class);
        return annotated && (type == String.class || type == URI.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ModelApiMock m = start(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == ModelApiMock.class) {
            return m;
        }
        String url = parameter.isAnnotated(DecthingsUrl.class) ? m.decthingsBaseUrl() : m.piecesBaseUrl();
        if (type == URI.class) {
            return URI.create(url);
        }
        if (type == String.class) {
            return url;
        }
        throw new ParameterResolutionException("Cannot inject a base URL into " + type);
    }

    /**
     * The mock of this extension, started once. An extension that JUnit called for the class (the annotation, or a
     * static field) keeps it in the class's store; one registered in an instance field gets a mock per test, kept in
     * the test's store. Either way the store stops it when its context closes.
     */
    private ModelApiMock start(ExtensionContext context) {
        ExtensionContext owner = classScoped ? classContext(context) : context;
        Holder holder = owner.getStore(NAMESPACE).getOrComputeIfAbsent(KEY + System.identityHashCode(this),
                k -> new Holder(builder(context).build().start()), Holder.class);
        mock = holder.mock;
        return holder.mock;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private ModelApiMock.Builder builder(ExtensionContext context) {
        if (configured != null) {
            return configured.get().port(0).validateResponses(true);
        }
        Optional<ModelApiMockTest> config = context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, ModelApiMockTest.class));
        ModelApiMock.Builder b = ModelApiMock.builder().port(0);
        config.ifPresent(a -> b.seed(a.seed()).mode(a.mode()).apiKey(a.apiKey().isEmpty() ? null : a.apiKey())
                .rateLimitPerSecond(a.rateLimitPerSecond()).validateResponses(a.validateResponses()));
        if (config.isEmpty()) {
            b.validateResponses(true);
        }
        return b;
    }

    /** Stops the mock when the JUnit context that owns it closes. */
    private record Holder(ModelApiMock mock) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            mock.stop();
        }
    }
}
