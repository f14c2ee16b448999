package dev.modelapi.conformance.checks;

import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.ApiOperation;

/**
 * One named, switchable check. For each operation it either has a cell (a test "operation × check") or does not
 * apply; a cell passes (returns), fails ({@link CheckFailure}) or is skipped with a reason
 * ({@link org.opentest4j.TestAbortedException}) when the target lacks what the check needs.
 */
public interface Check {

    CheckId id();

    /** Whether this check has something to say about {@code operation} (false → "not covered"). */
    boolean appliesTo(ApiOperation operation);

    /** Runs the cell. */
    void run(ApiOperation operation, ConformanceRun run);
}
