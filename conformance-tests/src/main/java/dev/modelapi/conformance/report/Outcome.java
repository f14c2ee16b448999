package dev.modelapi.conformance.report;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Finding;
import dev.modelapi.conformance.spec.Api;

import java.util.List;

/**
 * The result of one cell.
 *
 * @param message the failure message or skip reason, null when passed
 * @param findings the findings of a failure (expected, actual, reproducer)
 */
public record Outcome(Api api, String operationId, CheckId check, OutcomeStatus status, String message,
                      List<Finding> findings, long millis) {

    public Outcome {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** {@code createModel · status-code}: the name of the JUnit test of this cell. */
    public String testName() {
        return testName(operationId, check);
    }

    public static String testName(String operationId, CheckId check) {
        return operationId + " · " + check.key();
    }
}
