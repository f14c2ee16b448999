package dev.modelapi.conformance.report;

/** The state of one cell operation × check. */
public enum OutcomeStatus {
    PASSED("passed"),
    FAILED("failed"),
    SKIPPED("skipped"),
    NOT_COVERED("not covered");

    private final String label;

    OutcomeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
