package dev.modelapi.conformance.flows;

import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.CurlReproducer;
import org.opentest4j.TestAbortedException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a multi-operation flow found for one check, per operation: the flow runs once and each cell (operation ×
 * check) reads its own part.
 */
public final class CellVerdicts {

    private final CurlReproducer curl;
    private final Map<String, Findings> findings = new LinkedHashMap<>();
    private final Map<String, String> skipped = new HashMap<>();

    public CellVerdicts(CurlReproducer curl) {
        this.curl = curl;
    }

    public synchronized Findings at(String operationId) {
        return findings.computeIfAbsent(operationId, k -> new Findings(curl));
    }

    /** Marks the operation's cell as skipped with a reason (unless it already has findings). */
    public synchronized void skip(String operationId, String reason) {
        skipped.putIfAbsent(operationId, reason);
    }

    /** Skips every given cell that has nothing yet. */
    public synchronized void skipRest(String reason, String... operationIds) {
        for (String id : operationIds) {
            Findings f = findings.get(id);
            if (f == null || f.examinedCount() == 0 && f.isEmpty()) {
                skip(id, reason);
            }
        }
    }

    /** The findings of an operation's cell (null when the flow never got there). */
    public synchronized Findings findings(String operationId) {
        return findings.get(operationId);
    }

    /** Why the operation's cell was skipped, or null. */
    public synchronized String skipReason(String operationId) {
        return skipped.get(operationId);
    }

    /** Passes, fails or skips the cell of {@code operationId}. */
    public void conclude(String operationId) {
        Findings f = findings(operationId);
        String skip = skipReason(operationId);
        if (f != null && !f.isEmpty()) {
            throw f.failure();
        }
        if (skip != null) {
            throw new TestAbortedException(skip);
        }
        if (f == null || f.examinedCount() == 0) {
            throw new TestAbortedException("the flow did not reach " + operationId);
        }
    }
}
