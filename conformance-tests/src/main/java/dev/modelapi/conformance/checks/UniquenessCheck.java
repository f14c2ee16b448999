package dev.modelapi.conformance.checks;

/**
 * {@code uniqueness}: Decthings model names are unique among the caller's models ({@code x-modelapi-unique}): a
 * second {@code createModel} or a rename to a name in use gives {@code name_already_used}; renaming a model to its
 * own name is no conflict; a name freed by a rename or a delete can be used again. Pieces {@code /models/create}
 * "ensures that no duplicate models exist": creating a model whose {@code unique} name exists creates no second one.
 */
public final class UniquenessCheck extends FlowCheck {

    @Override
    public CheckId id() {
        return CheckId.UNIQUENESS;
    }
}
