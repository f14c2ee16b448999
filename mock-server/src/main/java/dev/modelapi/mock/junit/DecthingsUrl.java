package dev.modelapi.mock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Injects the mock's Decthings base URL ({@code http://127.0.0.1:<port>/v0}) into a {@code String} or {@code URI}. */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DecthingsUrl {
}
