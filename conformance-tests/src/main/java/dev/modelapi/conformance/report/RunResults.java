package dev.modelapi.conformance.report;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.spec.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The outcomes of a run, in execution order. Thread-safe. */
public final class RunResults {

    private final List<Outcome> outcomes = new ArrayList<>();

    public synchronized void add(Outcome outcome) {
        outcomes.add(outcome);
    }

    public synchronized List<Outcome> all() {
        return List.copyOf(outcomes);
    }

    public synchronized Optional<Outcome> find(Api api, String operationId, CheckId check) {
        return outcomes.stream()
                .filter(o -> o.api() == api && o.operationId().equals(operationId) && o.check() == check)
                .findFirst();
    }

    public synchronized long count(OutcomeStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** {@code N passed, N failed, N skipped}: the last line of every run. */
    public String summaryLine() {
        return summaryLine(count(OutcomeStatus.PASSED), count(OutcomeStatus.FAILED), count(OutcomeStatus.SKIPPED));
    }

    public static String summaryLine(long passed, long failed, long skipped) {
        return passed + " passed, " + failed + " failed, " + skipped + " skipped";
    }
}
