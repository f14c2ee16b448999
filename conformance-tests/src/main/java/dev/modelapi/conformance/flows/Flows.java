package dev.modelapi.conformance.flows;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.run.Memo;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import org.opentest4j.TestAbortedException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The multi-step flows of a run ({@link FlowCatalog}), each run once on first use, and the cells they judge. A cell
 * that several flows report on fails when one of them found something, passes when one of them examined it, and is
 * skipped (with every reason) otherwise.
 */
public final class Flows {

    private final ConformanceRun run;
    private final Map<FlowSpec, Memo<FlowVerdicts>> memos = new LinkedHashMap<>();

    public Flows(ConformanceRun run) {
        this.run = run;
        for (FlowSpec spec : FlowCatalog.all()) {
            memos.put(spec, Memo.of(() -> {
                FlowVerdicts v = new FlowVerdicts(run.curl());
                spec.runner().accept(run, v);
                return v;
            }));
        }
    }

    /** The flows of an API that judge at least one switched-on check. */
    public List<FlowSpec> enabled(Api api) {
        List<FlowSpec> out = new ArrayList<>();
        for (FlowSpec spec : memos.keySet()) {
            if (spec.api() == api && spec.cells().keySet().stream().anyMatch(run.config()::enabled)) {
                out.add(spec);
            }
        }
        return out;
    }

    /** Runs a flow (once; later calls return at once). A flow that cannot run reports it in its cells. */
    public void run(FlowSpec spec) {
        try {
            memos.get(spec).get();
        } catch (RuntimeException e) {
            // reported by the cells of the flow
        }
    }

    /** Passes, fails or skips the cell {@code op} × {@code check} from every flow that reports on it. */
    public void conclude(CheckId check, ApiOperation op) {
        Findings merged = run.findings();
        List<String> skips = new ArrayList<>();
        boolean passed = false;
        for (FlowSpec spec : FlowCatalog.covering(check, op)) {
            FlowVerdicts verdicts;
            try {
                verdicts = memos.get(spec).get();
            } catch (TestAbortedException e) {
                skips.add(e.getMessage());
                continue;
            }
            CellVerdicts cell = verdicts.of(check);
            Findings f = cell.findings(op.id());
            String skip = cell.skipReason(op.id());
            if (f != null && !f.isEmpty()) {
                f.list().forEach(merged::add);
                for (int i = 0; i < f.examinedCount(); i++) {
                    merged.examined();
                }
            } else if (skip != null) {
                skips.add(skip);
            } else if (f != null && f.examinedCount() > 0) {
                passed = true;
                for (int i = 0; i < f.examinedCount(); i++) {
                    merged.examined();
                }
            } else {
                skips.add("the " + spec.name() + " flow did not reach " + op.id());
            }
        }
        if (!merged.isEmpty()) {
            throw merged.failure();
        }
        if (!passed) {
            throw new TestAbortedException(skips.isEmpty() ? "no flow reaches " + op.id()
                    : String.join("; ", skips.stream().distinct().toList()));
        }
    }

    /** The blob round trip's verdicts (the {@code binary-framing} check reads them). */
    public CellVerdicts blobRoundTrip() {
        FlowSpec spec = FlowCatalog.named(Api.DECTHINGS, FlowCatalog.BLOB_ROUND_TRIP);
        return memos.get(spec).get().of(CheckId.BINARY_FRAMING);
    }
}
