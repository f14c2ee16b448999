package dev.modelapi.conformance.checks;

import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.run.Probe;
import dev.modelapi.conformance.spec.ApiOperation;
import org.opentest4j.TestAbortedException;

import java.util.List;

/** Shared by the checks that judge responses: the exchanges of an operation (its probe sent first). */
final class ExchangeChecks {

    private ExchangeChecks() {
    }

    /** Every exchange of the operation so far (probe, flows, auth); skips when there is none. */
    static List<Exchange> exchanges(ApiOperation op, ConformanceRun run) {
        run.generateTraffic(op.api());
        Probe probe = run.probes().of(op);
        List<Exchange> all = run.log().forOperation(op);
        if (all.isEmpty()) {
            throw new TestAbortedException(probe.skipReason() != null ? probe.skipReason()
                    : "no request was sent to " + op.id());
        }
        return all;
    }

    /**
     * Runs a per-exchange rule as a cell: every exchange of the operation judged, then the verdict; skips with
     * {@code reasonIfNothing} when the rule judged none of them (null: never skips).
     */
    static void judgeAll(ExchangeRule rule, ApiOperation op, ConformanceRun run, String reasonIfNothing) {
        Findings f = run.findings();
        for (Exchange e : exchanges(op, run)) {
            rule.judge(op, e, f);
        }
        f.conclude(reasonIfNothing);
    }

    /** {@code getModels (example 'success')}: a short name of an exchange for finding texts. */
    static String where(Exchange e) {
        return e.title() + (e.intent() == null ? "" : " [" + e.intent().name().toLowerCase() + "]");
    }
}
