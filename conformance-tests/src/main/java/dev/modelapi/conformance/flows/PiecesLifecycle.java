package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.run.Fixtures;

import static dev.modelapi.conformance.flows.PiecesSteps.ok;

/**
 * The Pieces model lifecycle on a model of the suite's own: create → read-after-create → listed → load refused
 * before the download → update visible → scores increment → download → load → unload → cache deletion keeps the
 * model → delete → {@code 410} and no longer listed. Each write's own answer is judged by
 * {@code x-modelapi-answer-shows}. An unknown id gives {@code 410} (read-only, so it runs in read-only mode too).
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
    static final String SCORES = "modelScoresIncrement";
    static final String CACHE = "modelsDeleteSpecificModelCache";
    static final String[] CELLS = {CREATE, GET, LIST, UPDATE, DOWNLOAD, LOAD, UNLOAD, DELETE, SCORES, CACHE};
    static final String[] WRITING_CELLS = {CREATE, LIST, UPDATE, DOWNLOAD, LOAD, UNLOAD, DELETE, SCORES, CACHE};
    static final String[] ANSWER_CELLS = {CREATE, UPDATE, DOWNLOAD, LOAD, UNLOAD, CACHE};

    private final ConformanceRun run;
    private final PiecesSteps steps;
    private CellVerdicts answers;

    PiecesLifecycle(ConformanceRun run) {
        this.run = run;
        this.steps = new PiecesSteps(run);
    }

    void run(FlowVerdicts verdicts) {
        CellVerdicts v = verdicts.of(CheckId.STATEFUL);
        answers = verdicts.of(CheckId.WRITE_ANSWER);
        unknownId(v.at(GET));
        if (run.config().readOnly()) {
            v.skipRest("read-only mode: the lifecycle creates and deletes a model", WRITING_CELLS);
            answers.skipRest("read-only mode: the lifecycle creates and deletes a model", ANSWER_CELLS);
            return;
        }
        Findings fc = v.at(CREATE);
        ObjectNode seed = steps.seed("lifecycle");
        String name = seed.path("name").asText();
        Exchange created = steps.call(CREATE, null, seed, "create the lifecycle model");
        fc.examined();
        JsonNode idNode = created.responseJson() == null ? null : created.responseJson().get("id");
        if (!ok(created) || idNode == null || !idNode.isTextual()) {
            fc.add("models/create did not create the lifecycle model", "200 with a Model (id)",
                    created.responseSummary(), created);
            v.skipRest("the lifecycle model could not be created", WRITING_CELLS);
            answers.skipRest("the lifecycle model could not be created", ANSWER_CELLS);
            return;
        }
        AnswerShows.judge(created.operation(), created, answers.at(CREATE));
        String id = idNode.asText();

        Exchange read = steps.call(GET, id, null, "read-after-create");
        fc.examined();
        if (read.status() != 200 || read.responseJson() == null
                || !name.equals(read.responseJson().path("name").asText(null))) {
            fc.add("read-after-create: GET /model/{id} does not return the model just created",
                    "200 with name " + name, read.responseSummary(), read);
        }

        Findings fs = v.at(LIST);
        Exchange list = steps.call(LIST, null, null, "listed after create");
        fs.examined();
        if (PiecesSteps.listed(list, m -> id.equals(m.path("id").asText(null))).isEmpty()) {
            fs.add("the model just created is not in GET /models", "iterable contains id " + id,
                    list.responseSummary(), list);
        }

        loadBeforeDownload(id, v.at(LOAD));
        update(id, read, v);
        scores(id, v.at(SCORES));
        downloadLoadUnload(v, id);
        cache(id, v.at(CACHE));

        Findings fd = v.at(DELETE);
        Exchange deleted = steps.call(DELETE, id, null, "delete the lifecycle model");
        fd.examined();
        if (!ok(deleted)) {
            fd.add("POST /models/{id}/delete did not delete the suite's own model", "204",
                    deleted.responseSummary(), deleted);
            return;
        }
        Exchange gone = steps.call(GET, id, null, "use-after-delete");
        fd.examined();
        if (gone.status() != 410) {
            fd.add("use-after-delete: GET /model/{id} of the deleted model must give 410", "410 text/plain",
                    gone.responseSummary(), gone);
        }
        Exchange listAfter = steps.call(LIST, null, null, "not listed after delete");
        fd.examined();
        if (!PiecesSteps.listed(listAfter, m -> id.equals(m.path("id").asText(null))).isEmpty()) {
            fd.add("the deleted model is still in GET /models", "iterable without id " + id,
                    listAfter.responseSummary(), listAfter);
        }
    }

    /** "Loads a previously downloaded model": a model that is not downloaded cannot be loaded. */
    private void loadBeforeDownload(String id, Findings f) {
        Exchange load = steps.callRefused(LOAD, id, "load before the download");
        f.examined();
        if (ok(load)) {
            f.add("POST /model/{id}/load of a model that is not downloaded must be refused",
                    "a declared error status " + load.operation().declaredStatuses(), load.responseSummary(), load);
        }
        JsonNode after = steps.model(id, "read after the refused load");
        if (after != null && after.path("loaded").asBoolean(false)) {
            f.add("a model that is not downloaded must not be loaded", "loaded: false", "loaded: true", load);
        }
    }

    private void update(String id, Exchange read, CellVerdicts v) {
        Findings fu = v.at(UPDATE);
        if (!(read.responseJson() instanceof ObjectNode model)) {
            v.skip(UPDATE, "the model could not be read back, so there is nothing to update");
            answers.skip(UPDATE, "the model could not be read back, so there is nothing to update");
            return;
        }
        String description = "Updated by the conformance suite, run " + run.runId();
        ObjectNode changed = model.deepCopy().put("description", description);
        Exchange updated = steps.call(UPDATE, null, changed, "update the description");
        fu.examined();
        Exchange after = steps.call(GET, id, null, "read after update");
        if (!ok(updated)) {
            fu.add("POST /model/update did not succeed on the suite's own model", "200 with the Model",
                    updated.responseSummary(), updated);
            answers.skip(UPDATE, "the update did not succeed");
            return;
        }
        AnswerShows.judge(updated.operation(), updated, answers.at(UPDATE));
        if (after.responseJson() == null || !description.equals(after.responseJson().path("description").asText(null))) {
            fu.add("update not visible: GET /model/{id} does not show the new description",
                    "description \"" + description + "\"", after.responseSummary(), after);
        }
    }

    /** "Increment the material relative to the incoming body": the score named in the body goes up by one. */
    private void scores(String id, Findings f) {
        JsonNode before = steps.model(id, "score before the increment");
        if (before == null) {
            return;
        }
        int reference = before.path("score").path("reference").asInt(0);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("model").put("reference", true);
        Exchange e = steps.call(SCORES, id, body, "count one reference");
        f.examined();
        if (!ok(e)) {
            f.add("POST /model/{id}/scores/increment did not succeed on the suite's own model", "204",
                    e.responseSummary(), e);
            return;
        }
        JsonNode after = steps.model(id, "score after the increment");
        if (after != null && after.path("score").path("reference").asInt(0) != reference + 1) {
            f.add("scores/increment is not visible: score.reference did not go up by one",
                    "score.reference " + (reference + 1), "score " + after.get("score"), e);
        }
    }

    private void downloadLoadUnload(CellVerdicts v, String id) {
        Findings fdl = v.at(DOWNLOAD);
        Exchange started = steps.call(DOWNLOAD, id, null, "download");
        fdl.examined();
        if (!ok(started)) {
            fdl.add("POST /model/{id}/download did not start the download", "200 with the Model",
                    started.responseSummary(), started);
            v.skipRest("the model could not be downloaded", LOAD, UNLOAD);
            answers.skipRest("the model could not be downloaded", DOWNLOAD, LOAD, UNLOAD);
            return;
        }
        AnswerShows.judge(started.operation(), started, answers.at(DOWNLOAD));
        JsonNode downloaded = run.fixtures().awaitPiecesModel(id, m -> m.path("downloaded").asBoolean(false), 60_000);
        if (downloaded == null) {
            fdl.add("the download never completed: GET /model/{id} never showed downloaded: true", "downloaded: true"
                    + " within 60 s", "downloaded stayed false");
            v.skipRest("the model was not downloaded", LOAD, UNLOAD);
            answers.skipRest("the model was not downloaded", LOAD, UNLOAD);
            return;
        }
        Findings fl = v.at(LOAD);
        Exchange load = steps.call(LOAD, id, null, "load");
        fl.examined();
        Exchange afterLoad = steps.call(GET, id, null, "read after load");
        if (!ok(load)) {
            fl.add("POST /model/{id}/load failed on a downloaded model", "200 with the Model",
                    load.responseSummary(), load);
            answers.skip(LOAD, "the load did not succeed");
        } else {
            AnswerShows.judge(load.operation(), load, answers.at(LOAD));
            if (afterLoad.responseJson() == null || !afterLoad.responseJson().path("loaded").asBoolean(false)) {
                fl.add("load not visible: GET /model/{id} does not show loaded: true", "loaded: true",
                        afterLoad.responseSummary(), afterLoad);
            }
        }
        Findings fun = v.at(UNLOAD);
        Exchange unload = steps.call(UNLOAD, id, null, "unload");
        fun.examined();
        Exchange afterUnload = steps.call(GET, id, null, "read after unload");
        if (!ok(unload)) {
            fun.add("POST /model/{id}/unload failed on a loaded model", "200 with the Model",
                    unload.responseSummary(), unload);
            answers.skip(UNLOAD, "the unload did not succeed");
        } else {
            AnswerShows.judge(unload.operation(), unload, answers.at(UNLOAD));
            if (afterUnload.responseJson() == null || afterUnload.responseJson().path("loaded").asBoolean(true)) {
                fun.add("unload not visible: GET /model/{id} does not show loaded: false", "loaded: false",
                        afterUnload.responseSummary(), afterUnload);
            }
        }
    }

    /** Deleting a model's cached data names the model in the answer and keeps the model itself. */
    private void cache(String id, Findings f) {
        JsonNode body = Fixtures.successExample(steps.operation(CACHE));
        Exchange e = steps.call(CACHE, id, body, "delete the model's cache");
        if (!ok(e)) {
            // a declared error: the target keeps no cache for this model
            answers.skip(CACHE, "the cache could not be deleted: " + e.responseSummary());
            f.examined();
            return;
        }
        Findings fa = answers.at(CACHE);
        fa.examined();
        String named = e.responseJson() == null ? null : e.responseJson().path("model").path("id").asText(null);
        if (!id.equals(named)) {
            fa.add("the answer of the cache deletion must name the model", "model.id " + id, e.responseSummary(), e);
        }
        f.examined();
        if (steps.model(id, "read after the cache deletion") == null) {
            f.add("deleting a model's cache must not delete the model", "GET /model/{id} 200", "the model is gone", e);
        }
    }

    private void unknownId(Findings f) {
        String unknown = run.adapter().randomId();
        Exchange e = steps.call(GET, unknown, null, "unknown id");
        f.examined();
        if (e.status() != 410) {
            f.add("GET /model/{id} of an id that does not exist must give 410", "410 text/plain",
                    e.responseSummary(), e);
        }
    }
}
