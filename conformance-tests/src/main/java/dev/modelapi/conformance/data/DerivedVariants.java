package dev.modelapi.conformance.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.validation.SpecValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Variants of a valid request, each with one field changed, kept only when the spec judges them as intended
 * (rejected, or accepted), and chosen with a seed: what {@link NegativeVariants} and {@link BoundaryVariants} share.
 */
abstract sealed class DerivedVariants permits NegativeVariants, BoundaryVariants {

    final ApiOperation operation;
    private final SpecValidator validator;
    private final boolean wantAccepted;
    private final long salt;

    DerivedVariants(ApiOperation operation, SpecValidator validator, boolean wantAccepted, long salt) {
        this.operation = operation;
        this.validator = validator;
        this.wantAccepted = wantAccepted;
        this.salt = salt;
    }

    /** What the walk derives from the operation's request schema for {@code validRequest}. */
    abstract List<Mutation> derive(JsonNode validRequest);

    /** Every variant that the spec judges as intended, in a stable order. */
    public List<Mutation> all(JsonNode validRequest) {
        List<Mutation> kept = new ArrayList<>();
        for (Mutation m : derive(validRequest)) {
            boolean accepted = validator.requestBodyProblems(operation, m.body()).isEmpty();
            if (accepted == wantAccepted && !m.body().equals(validRequest)) {
                kept.add(m);
            }
        }
        return kept;
    }

    /**
     * At most {@code limit} variants chosen with the seed, taking the kinds in turn so that each kind is represented
     * when it exists.
     */
    public List<Mutation> choose(JsonNode validRequest, int limit, long seed) {
        return Mutation.chooseByKind(all(validRequest), limit, new Random(seed ^ operation.key().hashCode() ^ salt));
    }
}
