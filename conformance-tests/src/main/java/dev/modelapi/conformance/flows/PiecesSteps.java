package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.http.Call;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.http.Intent;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.run.Fixtures;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;

import java.util.Map;

/** The Pieces calls the flows share. */
final class PiecesSteps {

    static final String CREATE = "modelsCreateNewModel";
    static final String GET = "modelsSpecificModelSnapshot";
    static final String LIST = "modelsSnapshot";

    private final ConformanceRun run;
    private final SpecCatalog catalog = SpecCatalog.of(Api.PIECES);

    PiecesSteps(ConformanceRun run) {
        this.run = run;
    }

    ApiOperation operation(String id) {
        return catalog.operation(id);
    }

    /** Calls an operation on a model ({@code id}, or null when it names none) with an optional body. */
    Exchange call(String operation, String id, JsonNode body, String description) {
        ApiOperation op = catalog.operation(operation);
        Map<String, String> path = id == null || op.pathParameters().isEmpty() ? Map.of()
                : Map.of(op.pathParameters().get(0), id);
        return run.pieces().call(op, path, body, Call.of(Intent.FLOW, description));
    }

    /** Like {@link #call}, for a request the model's state must refuse (its declared error is the right answer). */
    Exchange callRefused(String operation, String id, String description) {
        ApiOperation op = catalog.operation(operation);
        return run.pieces().call(op, Map.of(op.pathParameters().get(0), id), null, Call.of(Intent.REFUSAL, description));
    }

    /** The spec's {@code /models/create} example with a name (and a unique name) of the run's own. */
    ObjectNode seed(String purpose) {
        ObjectNode seed = (ObjectNode) run.adapter().adapt(Fixtures.successExample(catalog.operation(CREATE)),
                Map.of(), true, true);
        seed.put("name", run.adapter().name(purpose));
        seed.put("unique", run.adapter().name(purpose + "-unique"));
        return seed;
    }

    /** GET /model/{id}: the model, or null. */
    JsonNode model(String id, String description) {
        Exchange e = call(GET, id, null, description);
        return e.status() == 200 ? e.responseJson() : null;
    }

    static boolean ok(Exchange e) {
        return e.status() / 100 == 2;
    }

    /** The models of a {@code GET /models} answer that match, in order. */
    static java.util.List<JsonNode> listed(Exchange list, java.util.function.Predicate<JsonNode> test) {
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        JsonNode models = list.responseJson() == null ? null : list.responseJson().get("iterable");
        if (models != null && models.isArray()) {
            models.forEach(m -> {
                if (test.test(m)) {
                    out.add(m);
                }
            });
        }
        return out;
    }
}
