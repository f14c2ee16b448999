package dev.modelapi.conformance.checks;

import org.opentest4j.AssertionFailedError;

import java.util.List;

/** A failed check: what was expected, what came back and how to reproduce it, for each finding. */
public class CheckFailure extends AssertionFailedError {

    private final transient List<Finding> findings;

    public CheckFailure(String message, List<Finding> findings) {
        super(message, findings.isEmpty() ? null : findings.get(0).expected(),
                findings.isEmpty() ? null : findings.get(0).actual());
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
