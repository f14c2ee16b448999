package dev.modelapi.conformance.flows;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.spec.ApiOperation;

/** Which operations the flows have a cell for. */
public final class FlowCells {

    private FlowCells() {
    }

    /** Whether some flow reports on {@code check} at {@code op}. */
    public static boolean covered(CheckId check, ApiOperation op) {
        return !FlowCatalog.covering(check, op).isEmpty();
    }

    /** Operations with a blob round-trip part in {@code binary-framing}. */
    public static boolean roundTrip(ApiOperation op) {
        return covered(CheckId.BINARY_FRAMING, op);
    }
}
