package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /models} is "a snapshot of all of your models": one entry per model (no id twice), and each entry is
 * the model that {@code GET /model/{id}} gives (same id, name, version, unique name, cloud and type). Reads only, so
 * it runs in read-only mode too; at most {@link #MAX_READS} models are read back.
 */
final class PiecesListing {

    static final String LIST = "modelsSnapshot";
    static final int MAX_READS = 40;
    private static final List<String> STABLE = List.of("id", "name", "version", "unique", "cloud", "type");

    private final ConformanceRun run;
    private final PiecesSteps steps;

    PiecesListing(ConformanceRun run) {
        this.run = run;
        this.steps = new PiecesSteps(run);
    }

    void run(FlowVerdicts verdicts) {
        Findings f = verdicts.of(CheckId.QUERY).at(LIST);
        Exchange list = steps.call(LIST, null, null, "list every model");
        f.examined();
        List<JsonNode> models = PiecesSteps.listed(list, m -> true);
        if (!PiecesSteps.ok(list) || list.responseJson() == null) {
            f.add("GET /models failed", "200 with Models", list.responseSummary(), list);
            return;
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode m : models) {
            String id = m.path("id").asText(null);
            if (id != null && !ids.add(id)) {
                f.add("GET /models lists a model twice", "one entry per model", "id " + id + " twice", list);
            }
        }
        int read = 0;
        for (JsonNode listed : models) {
            String id = listed.path("id").asText(null);
            if (id == null || read++ >= MAX_READS) {
                continue;
            }
            Exchange one = steps.call(PiecesSteps.GET, id, null, "read a listed model");
            f.examined();
            if (one.status() == 410 && !run.config().readOnly()) {
                continue; // deleted meanwhile (another flow's model)
            }
            if (one.status() != 200 || one.responseJson() == null) {
                f.add("a model that GET /models lists cannot be read with GET /model/{id}", "200 with the Model",
                        one.responseSummary(), one);
                continue;
            }
            for (String field : STABLE) {
                if (listed.has(field) && !listed.get(field).equals(one.responseJson().get(field))) {
                    f.add("GET /models and GET /model/{id} disagree about a model's " + field,
                            field + " " + listed.get(field), field + " " + one.responseJson().get(field), one);
                    break;
                }
            }
        }
    }
}
