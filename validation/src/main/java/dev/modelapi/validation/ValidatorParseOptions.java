package dev.modelapi.validation;

import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * How the validators parse a spec: references resolved but not inlined (the library's default inlines them). With
 * {@code $ref}s kept, a discriminated {@code oneOf} names its members, so {@link SchemaFactory}'s keywords map the
 * discriminator without comparing each member with every schema of the spec, and the schema cache hashes a
 * reference instead of a whole inlined tree - about a third of validating a createModel request (BENCHMARKS.md).
 */
public final class ValidatorParseOptions {

    private ValidatorParseOptions() {
    }

    public static ParseOptions create() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(false);
        options.setResolveResponses(true);
        options.setResolveRequestBody(true);
        options.setResolveCombinators(false);
        return options;
    }
}
