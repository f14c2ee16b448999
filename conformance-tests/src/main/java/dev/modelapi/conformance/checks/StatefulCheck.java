package dev.modelapi.conformance.checks;

import dev.modelapi.conformance.flows.FlowCells;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;

/**
 * {@code stateful}: the lifecycle of a model of the suite's own — read-after-create, update visible, list totals,
 * use-after-delete ({@code model_not_found} / {@code 410}), not listed after delete; Pieces also download → load →
 * unload, and an unknown id gives 410. One flow per API, run once; each operation's cell reports its steps.
 */
public final class StatefulCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.STATEFUL;
    }

    @Override
    public boolean appliesTo(ApiOperation operation) {
        return FlowCells.lifecycle(operation);
    }

    @Override
    public void run(ApiOperation op, ConformanceRun run) {
        (op.api() == Api.DECTHINGS ? run.flows().decthingsLifecycle() : run.flows().piecesLifecycle())
                .conclude(op.id());
    }
}
