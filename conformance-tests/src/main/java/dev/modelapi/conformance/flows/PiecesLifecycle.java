package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Call;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.http.Intent;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.run.Fixtures;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;

import java.util.Map;

/**
 * The Pieces model lifecycle on a model of the suite's own: create → read-after-create → listed → update visible →
 * download → load → unload → delete → {@code 410} and no longer listed. An unknown id gives {@code 410} (read-only,
 * so it runs in read-only mode too).
 */
final class PiecesLifecycle {

    static final String CREATE = "modelsCreateNewModel";
    static final String GET = "modelsSpecificModelSnapshot";
    static final String LIST = "modelsSnapshot";
    static final String UPDATE = "modelUpdate";
    static final String DOWNLOAD = "modelSpecificModelDownload";
    static final String LOAD = "modelSpecificModelLoad";
    static final String UNLOAD = "modelSpecificModelUnload";
    static final String DELETE = "modelsDeleteSpecificModel";
    static final String[] CELLS = {CREATE, GET, LIST, UPDATE, DOWNLOAD, LOAD, UNLOAD, DELETE};
    static final String[] WRITING_CELLS = {CREATE, LIST, UPDATE, DOWNLOAD, LOAD, UNLOAD, DELETE};

    private final ConformanceRun run;
    private final SpecCatalog catalog = SpecCatalog.of(Api.PIECES);

    PiecesLifecycle(ConformanceRun run) {
        this.run = run;
    }

    CellVerdicts run() {
        CellVerdicts v = new CellVerdicts(run.curl());
        unknownId(v.at(GET));
        if (run.config().readOnly()) {
            v.skipRest("read-only mode: the lifecycle creates and deletes a model", WRITING_CELLS);
            return v;
        }
        Findings fc = v.at(CREATE);
        String name = run.adapter().name("lifecycle");
        ObjectNode seed = (ObjectNode) run.adapter().adapt(Fixtures.successExample(catalog.operation(CREATE)),
                Map.of(), true, true);
        seed.put("name", name);
        Exchange created = call(CREATE, null, seed, "create the lifecycle model");
        fc.examined();
        JsonNode idNode = created.responseJson() == null ? null : created.responseJson().get("id");
        if (created.status() / 100 != 2 || idNode == null || !idNode.isTextual()) {
            fc.add("models/create did not create the lifecycle model", "200 with a Model (id)",
                    created.responseSummary(), created);
            v.skipRest("the lifecycle model could not be created", WRITING_CELLS);
            return v;
        }
        String id = idNode.asText();

        Exchange read = call(GET, id, null, "read-after-create");
        fc.examined();
        if (read.status() != 200 || read.responseJson() == null
                || !name.equals(read.responseJson().path("name").asText(null))) {
            fc.add("read-after-create: GET /model/{id} does not return the model just created",
                    "200 with name " + name, read.responseSummary(), read);
        }

        Findings fs = v.at(LIST);
        Exchange list = call(LIST, null, null, "listed after create");
        fs.examined();
        if (!listed(list, id)) {
            fs.add("the model just created is not in GET /models", "iterable contains id " + id,
                    list.responseSummary(), list);
        }

        Findings fu = v.at(UPDATE);
        if (read.responseJson() instanceof ObjectNode model) {
            String description = "Updated by the conformance suite, run " + run.runId();
            ObjectNode changed = model.deepCopy().put("description", description);
            Exchange updated = call(UPDATE, null, changed, "update the description");
            fu.examined();
            Exchange after = call(GET, id, null, "read after update");
            if (updated.status() / 100 != 2) {
                fu.add("POST /model/update did not succeed on the suite's own model", "200 with the Model",
                        updated.responseSummary(), updated);
            } else if (after.responseJson() == null
                    || !description.equals(after.responseJson().path("description").asText(null))) {
                fu.add("update not visible: GET /model/{id} does not show the new description",
                        "description \"" + description + "\"", after.responseSummary(), after);
            }
        } else {
            v.skip(UPDATE, "the model could not be read back, so there is nothing to update");
        }

        downloadLoadUnload(v, id);

        Findings fd = v.at(DELETE);
        Exchange deleted = call(DELETE, id, null, "delete the lifecycle model");
        fd.examined();
        if (deleted.status() / 100 != 2) {
            fd.add("POST /models/{id}/delete did not delete the suite's own model", "204",
                    deleted.responseSummary(), deleted);
            return v;
        }
        Exchange gone = call(GET, id, null, "use-after-delete");
        fd.examined();
        if (gone.status() != 410) {
            fd.add("use-after-delete: GET /model/{id} of the deleted model must give 410", "410 text/plain",
                    gone.responseSummary(), gone);
        }
        Exchange listAfter = call(LIST, null, null, "not listed after delete");
        fd.examined();
        if (listed(listAfter, id)) {
            fd.add("the deleted model is still in GET /models", "iterable without id " + id,
                    listAfter.responseSummary(), listAfter);
        }
        return v;
    }

    private void downloadLoadUnload(CellVerdicts v, String id) {
        Findings fdl = v.at(DOWNLOAD);
        Exchange started = call(DOWNLOAD, id, null, "download");
        fdl.examined();
        if (started.status() / 100 != 2) {
            fdl.add("POST /model/{id}/download did not start the download", "200 with the Model",
                    started.responseSummary(), started);
            v.skipRest("the model could not be downloaded", LOAD, UNLOAD);
            return;
        }
        JsonNode downloaded = run.fixtures().awaitPiecesModel(id, m -> m.path("downloaded").asBoolean(false), 60_000);
        if (downloaded == null) {
            fdl.add("the download never completed: GET /model/{id} never showed downloaded: true", "downloaded: true"
                    + " within 60 s", "downloaded stayed false", null);
            v.skipRest("the model was not downloaded", LOAD, UNLOAD);
            return;
        }
        Findings fl = v.at(LOAD);
        Exchange load = call(LOAD, id, null, "load");
        fl.examined();
        Exchange afterLoad = call(GET, id, null, "read after load");
        if (load.status() / 100 != 2) {
            fl.add("POST /model/{id}/load failed on a downloaded model", "200 with the Model",
                    load.responseSummary(), load);
        } else if (afterLoad.responseJson() == null || !afterLoad.responseJson().path("loaded").asBoolean(false)) {
            fl.add("load not visible: GET /model/{id} does not show loaded: true", "loaded: true",
                    afterLoad.responseSummary(), afterLoad);
        }
        Findings fun = v.at(UNLOAD);
        Exchange unload = call(UNLOAD, id, null, "unload");
        fun.examined();
        Exchange afterUnload = call(GET, id, null, "read after unload");
        if (unload.status() / 100 != 2) {
            fun.add("POST /model/{id}/unload failed on a loaded model", "200 with the Model",
                    unload.responseSummary(), unload);
        } else if (afterUnload.responseJson() == null || afterUnload.responseJson().path("loaded").asBoolean(true)) {
            fun.add("unload not visible: GET /model/{id} does not show loaded: false", "loaded: false",
                    afterUnload.responseSummary(), afterUnload);
        }
    }

    private void unknownId(Findings f) {
        String unknown = run.adapter().randomId();
        Exchange e = call(GET, unknown, null, "unknown id");
        f.examined();
        if (e.status() != 410) {
            f.add("GET /model/{id} of an id that does not exist must give 410", "410 text/plain",
                    e.responseSummary(), e);
        }
    }

    private Exchange call(String operation, String id, JsonNode body, String description) {
        ApiOperation op = catalog.operation(operation);
        Map<String, String> path = id == null || op.pathParameters().isEmpty() ? Map.of()
                : Map.of(op.pathParameters().get(0), id);
        return run.pieces().call(op, path, body, Call.of(Intent.FLOW, description));
    }

    private static boolean listed(Exchange list, String id) {
        JsonNode models = list.responseJson() == null ? null : list.responseJson().get("iterable");
        if (models != null && models.isArray()) {
            for (JsonNode m : models) {
                if (id.equals(m.path("id").asText(null))) {
                    return true;
                }
            }
        }
        return false;
    }
}
