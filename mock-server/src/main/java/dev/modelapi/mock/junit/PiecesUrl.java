package dev.modelapi.mock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Injects the mock's Pieces OS base URL ({@code http://127.0.0.1:<port>}) into a {@code String} or {@code URI}. */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PiecesUrl {
}
