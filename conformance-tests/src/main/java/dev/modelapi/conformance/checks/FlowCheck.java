package dev.modelapi.conformance.checks;

import dev.modelapi.conformance.flows.FlowCells;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.ApiOperation;

/** A check whose cells are judged by the flows ({@code dev.modelapi.conformance.flows.FlowCatalog}). */
abstract class FlowCheck implements Check {

    @Override
    public boolean appliesTo(ApiOperation operation) {
        return FlowCells.covered(id(), operation);
    }

    @Override
    public void run(ApiOperation op, ConformanceRun run) {
        run.flows().conclude(id(), op);
    }
}
