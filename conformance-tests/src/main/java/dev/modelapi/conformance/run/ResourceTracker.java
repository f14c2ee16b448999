package dev.modelapi.conformance.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.http.Call;
import dev.modelapi.conformance.http.DecthingsCaller;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.http.Intent;
import dev.modelapi.conformance.http.PiecesCaller;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.SpecCatalog;

import java.util.Map;

/**
 * Watches every exchange and registers each model that an answer says was created (whatever the request: a
 * negative request that a deployment wrongly accepted creates something too), so that the run deletes it at the end.
 * A successful delete by the suite itself un-registers it.
 */
public final class ResourceTracker {

    public static final String DECTHINGS_CREATE = "createModel";
    public static final String DECTHINGS_DELETE = "deleteModel";
    public static final String PIECES_CREATE = "modelsCreateNewModel";
    public static final String PIECES_DELETE = "modelsDeleteSpecificModel";

    private final CleanupRegistry cleanup;
    private final String prefix;
    private final DecthingsCaller decthings;
    private final PiecesCaller pieces;

    public ResourceTracker(CleanupRegistry cleanup, DecthingsCaller decthings, PiecesCaller pieces, String prefix) {
        this.prefix = prefix;
        this.cleanup = cleanup;
        this.decthings = decthings;
        this.pieces = pieces;
    }

    public static String decthingsKey(String modelId) {
        return "decthings:model:" + modelId;
    }

    public static String piecesKey(String modelId) {
        return "pieces:model:" + modelId;
    }

    public void onExchange(Exchange e) {
        if (e.operation().api() == Api.DECTHINGS) {
            onDecthings(e);
        } else {
            onPieces(e);
        }
    }

    private void onDecthings(Exchange e) {
        String method = e.operation().id();
        JsonNode result = e.result();
        if (DECTHINGS_CREATE.equals(method) && result != null && result.path("modelId").isTextual()) {
            String id = result.get("modelId").asText();
            cleanup.register(decthingsKey(id), "Decthings model " + id, () -> deleteDecthings(id));
        } else if (DECTHINGS_DELETE.equals(method) && result != null && e.requestJson() != null
                && e.requestJson().path("modelId").isTextual()) {
            cleanup.forget(decthingsKey(e.requestJson().get("modelId").asText()));
        }
    }

    private void onPieces(Exchange e) {
        String op = e.operation().id();
        boolean ok = e.status() >= 200 && e.status() < 300;
        if (PIECES_CREATE.equals(op) && ok && e.responseJson() != null && e.responseJson().path("id").isTextual()
                && ours(e.responseJson())) {
            String id = e.responseJson().get("id").asText();
            cleanup.register(piecesKey(id), "Pieces model " + id, () -> deletePieces(id));
        } else if (PIECES_DELETE.equals(op) && ok) {
            String path = e.url().getPath();
            String[] segments = path.split("/");
            if (segments.length >= 2) {
                cleanup.forget(piecesKey(segments[segments.length - 2]));
            }
        }
    }

    /**
     * PiecesOS answers a create with an existing model when one has the same {@code unique} name: only a model
     * carrying the run's prefix is the suite's own.
     */
    private boolean ours(JsonNode model) {
        return model.path("name").asText("").startsWith(prefix) || model.path("unique").asText("").startsWith(prefix);
    }

    private String deleteDecthings(String id) {
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("modelId", id);
        Exchange e = decthings.call(SpecCatalog.of(Api.DECTHINGS).operation(DECTHINGS_DELETE), params,
                Call.of(Intent.FLOW, "cleanup"));
        if (e.result() != null || "model_not_found".equals(e.errorCode())) {
            return null;
        }
        return e.responseSummary();
    }

    private String deletePieces(String id) {
        Exchange e = pieces.call(SpecCatalog.of(Api.PIECES).operation(PIECES_DELETE), Map.of("model", id), null,
                Call.of(Intent.FLOW, "cleanup"));
        if (e.status() >= 200 && e.status() < 300 || e.status() == 410) {
            return null;
        }
        return e.responseSummary();
    }
}
