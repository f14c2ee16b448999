package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.run.Fixtures;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.SpecCatalog;

import java.util.HashMap;
import java.util.Map;

import static dev.modelapi.conformance.flows.DecthingsSteps.forModel;
import static dev.modelapi.conformance.flows.DecthingsSteps.succeeded;
import static dev.modelapi.conformance.flows.DecthingsSteps.text;

/**
 * A model's settings on a model of the suite's own: getFilesystemUsage is consistent (free ≤ total); after
 * setFilesystemSize the model shows the new size and the filesystem is not larger than it; setImage shows the new
 * image source; setUsedPersistentLaunchersForEvaluate is what getUsedPersistentLaunchersForEvaluate then answers
 * (an empty list, and the spec example's launchers when the target has them).
 */
final class ModelSettingsFlow {

    static final String SET_SIZE = "setFilesystemSize";
    static final String USAGE = "getFilesystemUsage";
    static final String SET_IMAGE = "setImage";
    static final String SET_LAUNCHERS = "setUsedPersistentLaunchersForEvaluate";
    static final String GET_LAUNCHERS = "getUsedPersistentLaunchersForEvaluate";
    private static final String[] CELLS = {SET_SIZE, USAGE, SET_IMAGE, SET_LAUNCHERS, GET_LAUNCHERS};
    /** How much the flow grows the filesystem by. */
    static final long GROWTH_MEBIBYTES = 256;

    private final ConformanceRun run;
    private final DecthingsSteps steps;

    ModelSettingsFlow(ConformanceRun run) {
        this.run = run;
        this.steps = new DecthingsSteps(run);
    }

    void run(FlowVerdicts verdicts) {
        CellVerdicts v = verdicts.of(CheckId.STATEFUL);
        if (run.config().readOnly()) {
            v.skipRest("read-only mode: the settings flow changes a model's settings", CELLS);
            return;
        }
        String model = steps.ownModel("settings");
        filesystem(model, v.at(SET_SIZE), v.at(USAGE));
        image(model, v.at(SET_IMAGE));
        launchers(model, v.at(SET_LAUNCHERS), v.at(GET_LAUNCHERS));
    }

    private void filesystem(String model, Findings fs, Findings fu) {
        JsonNode before = usage(model, "usage before the resize", fu);
        JsonNode m = steps.model(model, "read the model's filesystem size", fs);
        if (m == null) {
            return;
        }
        long size = m.path("filesystemSizeMebibytes").asLong() + GROWTH_MEBIBYTES;
        Exchange e = steps.call(SET_SIZE, forModel(model).put("newFilesystemSizeMebibytes", size),
                "grow the filesystem");
        if (!succeeded(e, fs, SET_SIZE)) {
            return;
        }
        JsonNode after = steps.model(model, "read after setFilesystemSize", fs);
        if (after != null && after.path("filesystemSizeMebibytes").asLong() != size) {
            fs.add("setFilesystemSize is not visible: the model does not show the new size",
                    "filesystemSizeMebibytes " + size, "filesystemSizeMebibytes " + after.get("filesystemSizeMebibytes"), e);
        }
        JsonNode grown = usage(model, "usage after the resize", fu);
        if (grown != null && before != null) {
            long bytes = grown.path("blockSize").asLong() * grown.path("totalBlocks").asLong();
            if (bytes > size << 20) {
                fu.add("the filesystem is larger than its size", "blockSize × totalBlocks ≤ " + size + " MiB",
                        bytes + " bytes", null);
            }
            if (grown.path("totalBlocks").asLong() < before.path("totalBlocks").asLong()) {
                fu.add("the filesystem shrank when its size grew", "totalBlocks ≥ " + before.path("totalBlocks"),
                        "totalBlocks " + grown.path("totalBlocks"), null);
            }
        }
    }

    private JsonNode usage(String model, String description, Findings f) {
        Exchange e = steps.call(USAGE, forModel(model), description);
        if (!succeeded(e, f, USAGE)) {
            return null;
        }
        JsonNode r = e.result();
        if (r.path("freeBlocks").asLong() > r.path("totalBlocks").asLong()
                || r.path("freeInodes").asLong() > r.path("totalInodes").asLong()) {
            f.add("filesystem usage: more free than there is", "freeBlocks ≤ totalBlocks, freeInodes ≤ totalInodes",
                    r.toString(), e);
        }
        return r;
    }

    /** The spec's setImage example (a public Python image); the model shows it as its image source. */
    private void image(String model, Findings f) {
        ObjectNode request = (ObjectNode) Fixtures.successExample(SpecCatalog.of(Api.DECTHINGS).operation(SET_IMAGE));
        request.put("modelId", model);
        Exchange e = steps.call(SET_IMAGE, request, "set the model's image");
        if ("image_not_found".equals(e.errorCode())) {
            f.examined();
            return; // the target cannot reach that registry: a legitimate answer
        }
        if (!succeeded(e, f, SET_IMAGE)) {
            return;
        }
        JsonNode m = steps.model(model, "read after setImage", f);
        if (m == null) {
            return;
        }
        JsonNode image = m.path("image");
        for (String field : new String[] {"domain", "repository", "reference"}) {
            if (!request.path(field).asText().equals(image.path(field).asText())) {
                f.add("setImage is not visible: the model's image." + field + " is not the one set",
                        field + " " + request.path(field).asText(), "image " + image, e);
                return;
            }
        }
    }

    private void launchers(String model, Findings set, Findings get) {
        ObjectNode none = forModel(model);
        none.putArray("persistentLaunchers");
        if (succeeded(steps.call(SET_LAUNCHERS, none, "use no persistent launcher"), set, SET_LAUNCHERS)) {
            expectLaunchers(model, Map.of(), get);
        }
        ObjectNode example = (ObjectNode) Fixtures.successExample(SpecCatalog.of(Api.DECTHINGS).operation(SET_LAUNCHERS));
        example.put("modelId", model);
        Exchange e = steps.call(SET_LAUNCHERS, example, "use the spec example's persistent launchers");
        set.examined();
        if ("persistent_launcher_not_found".equals(e.errorCode())) {
            return; // the target has no such launchers: nothing more to compare
        }
        if (e.result() == null) {
            set.add("setUsedPersistentLaunchersForEvaluate did not succeed", "{\"result\": {}} or"
                    + " persistent_launcher_not_found", e.responseSummary(), e);
            return;
        }
        Map<String, String> expected = new HashMap<>();
        example.path("persistentLaunchers").forEach(l -> expected.put(text(l, "persistentLauncherId"), text(l, "level")));
        expectLaunchers(model, expected, get);
    }

    /** getUsedPersistentLaunchersForEvaluate answers exactly these launchers and levels (in any order). */
    private void expectLaunchers(String model, Map<String, String> expected, Findings f) {
        Exchange e = steps.call(GET_LAUNCHERS, forModel(model), "read the persistent launchers");
        if (!succeeded(e, f, GET_LAUNCHERS)) {
            return;
        }
        Map<String, String> actual = new HashMap<>();
        JsonNode used = e.result().path("usedPersistentLaunchers");
        used.forEach(l -> actual.put(text(l, "persistentLauncherId"), text(l, "level")));
        if (!actual.equals(expected) || used.size() != expected.size()) {
            f.add("the persistent launchers read back are not the ones set", "launchers " + expected,
                    "launchers " + actual, e);
        }
    }
}
