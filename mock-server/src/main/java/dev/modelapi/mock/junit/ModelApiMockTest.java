package dev.modelapi.mock.junit;

import dev.modelapi.mock.Mode;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link dev.modelapi.mock.ModelApiMock} on a free loopback port for the test class (in the spirit of
 * WireMock's {@code @WireMockTest}): test methods and lifecycle methods can take the mock, or its base URLs as
 * {@link DecthingsUrl @DecthingsUrl} / {@link PiecesUrl @PiecesUrl} {@code String} or {@code URI} parameters.
 * The state is reset before each test, and a test fails if the mock served a response that does not conform to the
 * spec during it.
 *
 * <pre>{@code
 * @ModelApiMockTest(seed = 7)
 * class MyClientTest {
 *     @Test
 *     void listsModels(@DecthingsUrl String decthings) { … }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ModelApiMockExtension.class)
public @interface ModelApiMockTest {

    /** Seed of the simulation. */
    long seed() default 42;

    Mode mode() default Mode.SIMULATE;

    /** If not empty, Decthings calls need {@code Authorization: Bearer <apiKey>}. */
    String apiKey() default "";

    /** API requests per second; 0 = unlimited. */
    int rateLimitPerSecond() default 0;

    /** Fail a test when the mock served a non-conformant response during it. */
    boolean validateResponses() default true;
}
