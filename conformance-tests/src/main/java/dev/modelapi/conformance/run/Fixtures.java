package dev.modelapi.conformance.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.http.Call;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.http.Intent;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;
import org.opentest4j.TestAbortedException;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The resources the suite creates to have something of its own to call operations on: a Decthings model (and a state
 * of it), a Pieces model, and throwaway models for operations that delete. Each is built from the spec's own
 * {@code success} request example with the run's name prefix. In read-only mode nothing is created and the checks
 * that need a fixture are skipped.
 */
public final class Fixtures {

    private final ConformanceRun run;
    private final Memo<String> decthingsModel;
    private final Memo<String> decthingsState;
    private final Memo<String> piecesModel;
    private final Memo<Optional<String>> existingPiecesModel;
    private final Memo<String> downloadedPiecesModel;

    Fixtures(ConformanceRun run) {
        this.run = run;
        this.decthingsModel = Memo.of(() -> createDecthingsModel("fixture"));
        this.decthingsState = Memo.of(this::createDecthingsState);
        this.piecesModel = Memo.of(() -> createPiecesModel("fixture"));
        this.existingPiecesModel = Memo.of(this::findPiecesModel);
        this.downloadedPiecesModel = Memo.of(() -> downloadPiecesModel(createPiecesModel("downloaded")));
    }

    /** A model of the suite's own that has been downloaded (load and unload need one). */
    public String downloadedPiecesModel() {
        return downloadedPiecesModel.get();
    }

    /** Starts the download of a model of the suite's own and waits until the target says it is downloaded. */
    public String downloadPiecesModel(String id) {
        ApiOperation download = SpecCatalog.of(Api.PIECES).operation("modelSpecificModelDownload");
        Exchange started = run.pieces().call(download, Map.of(download.pathParameters().get(0), id), null,
                Call.of(Intent.FLOW, "download " + id));
        if (started.status() / 100 != 2) {
            throw new TestAbortedException("could not start the download of the suite's model: "
                    + started.responseSummary());
        }
        JsonNode model = awaitPiecesModel(id, m -> m.path("downloaded").asBoolean(false), 60_000);
        if (model == null) {
            throw new TestAbortedException("the suite's model " + id + " was not downloaded within 60 s");
        }
        return id;
    }

    /**
     * Polls {@code GET /model/{id}} until {@code condition} holds; returns the model, or null on timeout or after
     * three error answers in a row.
     */
    public JsonNode awaitPiecesModel(String id, java.util.function.Predicate<JsonNode> condition, long timeoutMillis) {
        ApiOperation get = SpecCatalog.of(Api.PIECES).operation("modelsSpecificModelSnapshot");
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long delay = 100;
        int errors = 0;
        while (true) {
            Exchange e = run.pieces().call(get, Map.of(get.pathParameters().get(0), id), null,
                    Call.of(Intent.FLOW, "poll " + id));
            if (e.responseJson() != null && condition.test(e.responseJson())) {
                return e.responseJson();
            }
            errors = e.status() == 200 ? 0 : errors + 1;
            // a model that cannot be read three times in a row will not become readable by waiting
            if (System.currentTimeMillis() > deadline || errors >= 3) {
                return null;
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return null;
            }
            delay = Math.min(delay * 2, 1000);
        }
    }

    /** The id of the suite's own Decthings model. */
    public String decthingsModel() {
        return decthingsModel.get();
    }

    /** The id of a state of {@link #decthingsModel()}, uploaded from the uploadState example. */
    public String decthingsState() {
        return decthingsState.get();
    }

    public String piecesModel() {
        return piecesModel.get();
    }

    /** A model the target already lists (read-only use only), or the suite's own when it has one. */
    public Optional<String> readablePiecesModel() {
        if (!run.config().readOnly()) {
            String own = tryGet(piecesModel);
            if (own != null) {
                return Optional.of(own);
            }
        }
        return existingPiecesModel.get();
    }

    /** A new Decthings model that an operation may delete. */
    public String throwawayDecthingsModel(String purpose) {
        return createDecthingsModel(purpose);
    }

    /** A new Pieces model that an operation may delete or download. */
    public String throwawayPiecesModel(String purpose) {
        return createPiecesModel(purpose);
    }

    /** The {@code success} request example of an operation (else its first), as JSON. */
    public static JsonNode successExample(ApiOperation op) {
        Map<String, Object> examples = op.requestExamples();
        Object value = examples.containsKey("success") ? examples.get("success")
                : examples.values().stream().findFirst().orElse(null);
        if (value == null) {
            throw new TestAbortedException(op.id() + " has no request example in the spec");
        }
        return SpecCatalog.toJson(value);
    }

    private String createDecthingsModel(String purpose) {
        requireWritable();
        ApiOperation op = SpecCatalog.of(Api.DECTHINGS).operation(ResourceTracker.DECTHINGS_CREATE);
        ObjectNode request = (ObjectNode) run.adapter().adapt(successExample(op), Map.of(), true, true);
        request.put("name", run.adapter().name(purpose));
        Exchange e = run.decthings().call(op, request, Call.of(Intent.FLOW, "create " + purpose + " model"));
        JsonNode id = e.result() == null ? null : e.result().get("modelId");
        if (id == null || !id.isTextual()) {
            throw new TestAbortedException("could not create the suite's " + purpose + " Decthings model: "
                    + e.responseSummary());
        }
        return id.asText();
    }

    private String createDecthingsState() {
        String model = decthingsModel();
        ApiOperation op = SpecCatalog.of(Api.DECTHINGS).operation("uploadState");
        ObjectNode request = requiredOnly(op, successExample(op));
        request = (ObjectNode) run.adapter().adapt(request, Map.of("modelId", model), true, true);
        Exchange e = run.decthings().call(op, request, Call.of(Intent.FLOW, "upload fixture state"));
        JsonNode id = e.result() == null ? null : e.result().get("stateId");
        if (id == null || !id.isTextual()) {
            throw new TestAbortedException("could not upload the suite's fixture state: " + e.responseSummary());
        }
        return id.asText();
    }

    private String createPiecesModel(String purpose) {
        requireWritable();
        ApiOperation op = SpecCatalog.of(Api.PIECES).operation(ResourceTracker.PIECES_CREATE);
        ObjectNode request = (ObjectNode) run.adapter().adapt(successExample(op), Map.of(), true, true);
        request.put("name", run.adapter().name(purpose));
        Exchange e = run.pieces().call(op, Map.of(), request, Call.of(Intent.FLOW, "create " + purpose + " model"));
        JsonNode id = e.responseJson() == null ? null : e.responseJson().get("id");
        if (e.status() / 100 != 2 || id == null || !id.isTextual()) {
            throw new TestAbortedException("could not create the suite's " + purpose + " Pieces model: "
                    + e.responseSummary());
        }
        return id.asText();
    }

    private Optional<String> findPiecesModel() {
        ApiOperation op = SpecCatalog.of(Api.PIECES).operation("modelsSnapshot");
        Exchange e = run.pieces().call(op, Map.of(), null, Call.of(Intent.POSITIVE, "list models"));
        JsonNode models = e.responseJson() == null ? null : e.responseJson().get("iterable");
        if (models != null && models.isArray()) {
            for (JsonNode m : models) {
                if (m.path("id").isTextual()) {
                    return Optional.of(m.get("id").asText());
                }
            }
        }
        return Optional.empty();
    }

    /** The example reduced to the properties its schema requires. */
    static ObjectNode requiredOnly(ApiOperation op, JsonNode example) {
        ObjectNode copy = (ObjectNode) example.deepCopy();
        var view = dev.modelapi.conformance.data.SchemaView.of(op.catalog(), op.jsonRequest().getSchema(), copy);
        for (Iterator<String> it = copy.fieldNames(); it.hasNext(); ) {
            if (!view.required().contains(it.next())) {
                it.remove();
            }
        }
        return copy;
    }

    private void requireWritable() {
        if (run.config().readOnly()) {
            throw new TestAbortedException("read-only mode: the suite creates nothing on the target");
        }
    }

    private static <T> T tryGet(Memo<T> memo) {
        try {
            return memo.get();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
