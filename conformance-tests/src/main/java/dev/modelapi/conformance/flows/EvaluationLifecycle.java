package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.decthings.client.tensor.DecthingsTensor;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.modelapi.conformance.flows.DecthingsSteps.forModel;
import static dev.modelapi.conformance.flows.DecthingsSteps.succeeded;
import static dev.modelapi.conformance.flows.DecthingsSteps.text;

/**
 * Evaluation on a model of the suite's own whose parameters it defines (updateModel {@code parameterDefinitions}):
 * evaluate's outputs are exactly the {@code evaluateOutput} parameters, each tensor of an allowed type and of the
 * defined shape ({@code -1} = any length) → getEvaluations lists the evaluation as finished (and not running) →
 * getFinishedEvaluationResult gives the same outputs → cancelEvaluation of it leaves nothing running.
 */
final class EvaluationLifecycle {

    static final String EVALUATE = "evaluate";
    static final String LIST = "getEvaluations";
    static final String RESULT = "getFinishedEvaluationResult";
    static final String CANCEL = "cancelEvaluation";
    private static final String[] CELLS = {EVALUATE, LIST, RESULT, CANCEL};

    private final ConformanceRun run;
    private final DecthingsSteps steps;

    EvaluationLifecycle(ConformanceRun run) {
        this.run = run;
        this.steps = new DecthingsSteps(run);
    }

    void run(FlowVerdicts verdicts) {
        CellVerdicts v = verdicts.of(CheckId.STATEFUL);
        CellVerdicts answers = verdicts.of(CheckId.WRITE_ANSWER);
        if (run.config().readOnly()) {
            // evaluate changes nothing, but the model whose outputs are known is created by the suite
            v.skipRest("read-only mode: the evaluation lifecycle creates a model with known parameters", CELLS);
            answers.skipRest("read-only mode: the evaluation lifecycle creates a model with known parameters",
                    EVALUATE);
            return;
        }
        String model = steps.ownModel("evaluation");
        ObjectNode definitions = definitions();
        ObjectNode update = forModel(model);
        update.putObject("properties").set("parameterDefinitions", definitions);
        Exchange defined = steps.call("updateModel", update, "define the model's parameters");
        if (defined.result() == null) {
            String reason = "the model's parameters could not be defined: " + defined.responseSummary();
            v.skipRest(reason, CELLS);
            answers.skipRest(reason, EVALUATE);
            return;
        }
        ObjectNode request = forModel(model);
        ObjectNode param = request.putArray("params").addObject().put("name", "input");
        param.putObject("data").put("type", "data").putArray("data")
                .add(DecthingsTensor.f32(new float[] {0.25f, 0.5f, 0.75f}, 3).toBase64());
        Exchange evaluated = steps.call(EVALUATE, request, "evaluate one input");
        Findings fe = v.at(EVALUATE);
        if (!succeeded(evaluated, fe, EVALUATE)) {
            answers.skip(EVALUATE, "evaluate did not succeed");
            v.skipRest("evaluate did not succeed", LIST, RESULT, CANCEL);
            return;
        }
        JsonNode success = evaluated.result().get("success");
        if (success == null) {
            // a model without code fails on a real deployment: the outputs cannot be judged
            String reason = "the evaluation failed on the target: " + evaluated.result().get("failed");
            answers.skip(EVALUATE, reason);
            v.skipRest(reason, LIST, RESULT, CANCEL);
            return;
        }
        Findings fa = answers.at(EVALUATE);
        fa.examined();
        outputsMatch(success.path("output"), definitions.path("evaluateOutput"), fa, evaluated);
        String id = listed(model, v.at(LIST));
        if (id == null) {
            v.skipRest("the evaluation is not listed, so it cannot be fetched", RESULT, CANCEL);
            return;
        }
        result(model, id, success.path("output"), v.at(RESULT));
        cancel(model, id, v.at(CANCEL));
    }

    /** evaluateInput: one f32 vector of any length; evaluateOutput: an f32 pair and a string scalar. */
    private static ObjectNode definitions() {
        ObjectNode d = DecthingsSteps.JSON.objectNode();
        d.putArray("createState");
        d.putArray("train");
        define(d.putArray("evaluateInput"), "input", List.of(-1L), "f32");
        ArrayNode out = d.putArray("evaluateOutput");
        define(out, "score", List.of(2L), "f32");
        define(out, "label", List.of(), "string");
        return d;
    }

    private static void define(ArrayNode defs, String name, List<Long> shape, String type) {
        ObjectNode rules = defs.addObject().put("name", name).put("required", true).putObject("rules");
        ArrayNode s = rules.putArray("shape");
        shape.forEach(s::add);
        rules.putArray("allowedTypes").add(type);
        rules.putArray("annotations");
    }

    /** Outputs: one per evaluateOutput definition, same names; every tensor of an allowed type and shape. */
    static void outputsMatch(JsonNode output, JsonNode definitions, Findings f, Exchange e) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        output.forEach(o -> byName.put(o.path("name").asText(), o));
        List<String> expected = new ArrayList<>();
        definitions.forEach(d -> expected.add(d.path("name").asText()));
        if (!byName.keySet().equals(new java.util.LinkedHashSet<>(expected)) || output.size() != expected.size()) {
            f.add("evaluate's outputs must be the model's evaluateOutput parameters", "outputs " + expected,
                    "outputs " + byName.keySet(), e);
            return;
        }
        for (JsonNode d : definitions) {
            String name = d.path("name").asText();
            JsonNode rules = d.path("rules");
            for (JsonNode data : byName.get(name).path("data")) {
                DecthingsTensor t;
                try {
                    t = DecthingsTensor.deserialize(Base64.getDecoder().decode(data.asText("")));
                } catch (RuntimeException ex) {
                    f.add("output " + name + " is not a serialized DecthingsTensor", "a DecthingsTensor",
                            ex.getMessage(), e);
                    continue;
                }
                if (DecthingsSteps.find(rules.path("allowedTypes"), a -> a.asText().equals(t.type().jsonName()))
                        == null) {
                    f.add("output " + name + " has an element type its definition does not allow",
                            "one of " + rules.path("allowedTypes"), t.type().jsonName(), e);
                }
                if (!shapeMatches(t.shape(), rules.path("shape"))) {
                    f.add("output " + name + " does not have the shape its definition gives",
                            "shape " + rules.path("shape") + " (-1 = any length)",
                            "shape " + java.util.Arrays.toString(t.shape()), e);
                }
            }
        }
    }

    static boolean shapeMatches(long[] actual, JsonNode rule) {
        if (actual.length != rule.size()) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            long r = rule.get(i).asLong();
            if (r >= 0 && r != actual[i]) {
                return false;
            }
        }
        return true;
    }

    /** The fresh model's only evaluation is listed as finished (successfully) and not as running. */
    private String listed(String model, Findings f) {
        Exchange e = steps.call(LIST, forModel(model), "list the evaluations");
        if (!succeeded(e, f, LIST)) {
            return null;
        }
        JsonNode finished = e.result().path("finished");
        JsonNode running = e.result().path("running");
        if (finished.size() != 1 || !finished.get(0).path("success").asBoolean(false)) {
            f.add("the model's one finished, successful evaluation must be listed as finished",
                    "finished: [{…, success: true}]", e.responseSummary(), e);
            return finished.size() == 1 ? text(finished.get(0), "id") : null;
        }
        JsonNode one = finished.get(0);
        String id = text(one, "id");
        if (DecthingsSteps.byId(running, id) != null) {
            f.add("a finished evaluation is also listed as running", "running without " + id, running.toString(), e);
        }
        if (one.path("finishedAt").asLong() < one.path("startedAt").asLong()) {
            f.add("an evaluation cannot finish before it started", "startedAt ≤ finishedAt", one.toString(), e);
        }
        return id;
    }

    private void result(String model, String id, JsonNode output, Findings f) {
        Exchange e = steps.call(RESULT, forModel(model).put("evaluationId", id), "fetch the finished result");
        if (!succeeded(e, f, RESULT)) {
            return;
        }
        JsonNode again = e.result().path("success").path("output");
        if (!byName(again).equals(byName(output))) {
            f.add("getFinishedEvaluationResult must give the outputs the evaluation gave", output.toString(),
                    e.result().toString(), e);
        }
    }

    /** Outputs by name (their order is not part of the contract). */
    private static Map<String, JsonNode> byName(JsonNode output) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        output.forEach(o -> out.put(o.path("name").asText(), o.path("data")));
        return out;
    }

    private void cancel(String model, String id, Findings f) {
        Exchange e = steps.call(CANCEL, forModel(model).put("evaluationId", id), "cancel the finished evaluation");
        f.examined();
        if (e.result() == null && !"evaluation_not_found".equals(e.errorCode())) {
            f.add("cancelEvaluation of a finished evaluation has nothing to cancel", "{\"result\": {}} or"
                    + " evaluation_not_found", e.responseSummary(), e);
        }
        Exchange list = steps.call(LIST, forModel(model), "list the evaluations after the cancel");
        f.examined();
        if (list.result() != null && DecthingsSteps.byId(list.result().path("running"), id) != null) {
            f.add("after cancelEvaluation the evaluation must not be running", "running without " + id,
                    list.responseSummary(), list);
        }
    }
}
