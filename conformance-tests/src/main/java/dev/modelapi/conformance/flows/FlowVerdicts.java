package dev.modelapi.conformance.flows;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.http.CurlReproducer;

import java.util.EnumMap;
import java.util.Map;

/** What one flow found, per check: each check's {@link CellVerdicts} (per operation). */
public final class FlowVerdicts {

    private final CurlReproducer curl;
    private final Map<CheckId, CellVerdicts> byCheck = new EnumMap<>(CheckId.class);

    public FlowVerdicts(CurlReproducer curl) {
        this.curl = curl;
    }

    /** The verdicts of one check (created on first use). */
    public synchronized CellVerdicts of(CheckId check) {
        return byCheck.computeIfAbsent(check, c -> new CellVerdicts(curl));
    }

    /** Skips every cell of {@code spec} that has nothing yet (e.g. read-only mode, a fixture that failed). */
    public void skipAll(FlowSpec spec, String reason) {
        spec.cells().forEach((check, operations) -> of(check).skipRest(reason, operations.toArray(String[]::new)));
    }
}
