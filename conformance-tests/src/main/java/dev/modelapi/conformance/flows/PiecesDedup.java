package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;

import java.util.List;

import static dev.modelapi.conformance.flows.PiecesSteps.ok;

/**
 * {@code /models/create} "ensures that no duplicate models exist before creating a new one"
 * ({@code x-modelapi-unique} on {@code SeededModel.unique}: {@code returns-existing}): the same seed twice leaves
 * one model with that unique name, and a successful answer to the second create is that model; a seed with
 * another unique name is a model of its own.
 */
final class PiecesDedup {

    static final String CREATE = "modelsCreateNewModel";

    private final ConformanceRun run;
    private final PiecesSteps steps;

    PiecesDedup(ConformanceRun run) {
        this.run = run;
        this.steps = new PiecesSteps(run);
    }

    void run(FlowVerdicts verdicts) {
        CellVerdicts v = verdicts.of(CheckId.UNIQUENESS);
        if (run.config().readOnly()) {
            v.skip(CREATE, "read-only mode: the de-duplication flow creates models");
            return;
        }
        Findings f = v.at(CREATE);
        ObjectNode seed = steps.seed("dedup");
        String unique = seed.path("unique").asText();
        Exchange first = steps.call(CREATE, null, seed, "create a model");
        String id = first.responseJson() == null ? null : first.responseJson().path("id").asText(null);
        if (!ok(first) || id == null) {
            v.skip(CREATE, "the first model could not be created: " + first.responseSummary());
            return;
        }
        Exchange again = steps.call(CREATE, null, seed.deepCopy(), "create the same model again");
        f.examined();
        String againId = again.responseJson() == null ? null : again.responseJson().path("id").asText(null);
        if (ok(again) && !id.equals(againId)) {
            f.add("creating a model whose unique name exists must not create a second one: the answer is the"
                    + " existing model", "id " + id, "id " + againId, again);
        }
        Exchange list = steps.call(PiecesSteps.LIST, null, null, "list after the duplicate create");
        f.examined();
        List<JsonNode> same = PiecesSteps.listed(list, m -> unique.equals(m.path("unique").asText(null)));
        if (same.size() != 1) {
            f.add("after creating the same model twice exactly one model has its unique name",
                    "1 model with unique " + unique, same.size() + " models", list);
        }
        ObjectNode other = steps.seed("dedup-other");
        Exchange distinct = steps.call(CREATE, null, other, "create a model with another unique name");
        f.examined();
        String otherId = distinct.responseJson() == null ? null : distinct.responseJson().path("id").asText(null);
        if (!ok(distinct) || otherId == null || otherId.equals(id)) {
            f.add("a model with another unique name is a model of its own", "a new id (not " + id + ")",
                    distinct.responseSummary(), distinct);
        }
    }
}
