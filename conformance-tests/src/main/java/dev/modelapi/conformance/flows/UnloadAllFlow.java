package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;
import org.opentest4j.TestAbortedException;

import static dev.modelapi.conformance.flows.PiecesSteps.ok;

/**
 * {@code POST /models/unload} "unloads all available machine learning models that are unloadable": a loaded model
 * of the suite's own is no longer loaded afterwards. It acts on every model, so it runs only against the embedded
 * mock, after every other flow.
 */
final class UnloadAllFlow {

    static final String UNLOAD_ALL = "unloadModels";

    private final ConformanceRun run;
    private final PiecesSteps steps;

    UnloadAllFlow(ConformanceRun run) {
        this.run = run;
        this.steps = new PiecesSteps(run);
    }

    void run(FlowVerdicts verdicts) {
        CellVerdicts v = verdicts.of(CheckId.STATEFUL);
        if (run.config().readOnly() || !run.embedded()) {
            v.skip(UNLOAD_ALL, "POST /models/unload acts on every model, including models the suite did not create:"
                    + " it runs only against the embedded mock");
            return;
        }
        String id;
        try {
            id = run.fixtures().downloadedPiecesModel();
        } catch (TestAbortedException e) {
            v.skip(UNLOAD_ALL, e.getMessage());
            return;
        }
        Exchange load = steps.call("modelSpecificModelLoad", id, null, "load before unloading everything");
        if (!ok(load)) {
            v.skip(UNLOAD_ALL, "the suite's downloaded model could not be loaded: " + load.responseSummary());
            return;
        }
        Findings f = v.at(UNLOAD_ALL);
        Exchange all = steps.call(UNLOAD_ALL, null, null, "unload every model");
        f.examined();
        if (!ok(all)) {
            f.add("POST /models/unload did not succeed", "204", all.responseSummary(), all);
            return;
        }
        JsonNode after = steps.model(id, "read after unloading everything");
        if (after == null || after.path("loaded").asBoolean(true)) {
            f.add("after POST /models/unload a loaded model is still loaded", "loaded: false",
                    after == null ? "the model cannot be read" : "loaded: " + after.get("loaded"), all);
        }
    }
}
