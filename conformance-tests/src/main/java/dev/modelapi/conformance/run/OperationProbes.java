package dev.modelapi.conformance.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelapi.conformance.data.BoundaryVariants;
import dev.modelapi.conformance.data.Mutation;
import dev.modelapi.conformance.data.NegativeVariants;
import dev.modelapi.conformance.data.NotFoundVariants;
import dev.modelapi.conformance.http.AuthMode;
import dev.modelapi.conformance.data.SchemaInstanceGenerator;
import dev.modelapi.conformance.http.Call;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.http.Intent;
import dev.modelapi.conformance.http.RequestEncodingException;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.OperationTraits;
import dev.modelapi.conformance.spec.SpecCatalog;
import dev.modelapi.conformance.validation.SpecValidator;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.opentest4j.TestAbortedException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sends each operation's probe traffic once per run (on first use) and keeps the result. */
public final class OperationProbes {

    /** Invalid variants sent per operation. */
    public static final int NEGATIVE_LIMIT = 6;
    /** Valid variants at the schema's bounds sent per operation (as positive data). */
    public static final int BOUNDARY_LIMIT = 4;

    private final ConformanceRun run;
    private final Map<String, Memo<Probe>> probes = new ConcurrentHashMap<>();

    OperationProbes(ConformanceRun run) {
        this.run = run;
    }

    public Probe of(ApiOperation op) {
        return probes.computeIfAbsent(op.key(), k -> Memo.of(() -> probe(op))).get();
    }

    private Probe probe(ApiOperation op) {
        if (run.config().readOnly() && !OperationTraits.readOnly(op)) {
            return Probe.skipped(op, "read-only mode: " + op.id() + " changes state");
        }
        try {
            return op.api() == Api.DECTHINGS ? decthings(op) : pieces(op);
        } catch (TestAbortedException e) {
            return Probe.skipped(op, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- Decthings

    private Probe decthings(ApiOperation op) {
        boolean writes = !OperationTraits.readOnly(op);
        Map<String, String> ids = decthingsIds(op);
        Map<String, JsonNode> requests = validRequests(op, ids, writes);
        List<Exchange> positive = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        requests.forEach((description, body) -> {
            try {
                positive.add(run.decthings().call(op, (ObjectNode) body, Call.of(Intent.POSITIVE, description)));
            } catch (RequestEncodingException e) {
                notes.add(description + ": " + e.getMessage());
            }
        });
        List<Exchange> negative = new ArrayList<>();
        List<Exchange> notFound = new ArrayList<>();
        if (!requests.isEmpty()) {
            JsonNode base = requests.values().iterator().next();
            for (Mutation m : boundaryVariants(op, base)) {
                try {
                    positive.add(run.decthings().call(op, (ObjectNode) m.body(), Call.of(Intent.POSITIVE,
                            m.description())));
                } catch (RequestEncodingException e) {
                    notes.add(m.description() + ": not sent (" + e.getMessage() + ")");
                }
            }
            for (Mutation m : negativeVariants(op, base)) {
                try {
                    negative.add(run.decthings().call(op, (ObjectNode) m.body(), Call.negative(m.description(), m.field())));
                } catch (RequestEncodingException e) {
                    notes.add(m.description() + ": not sent (" + e.getMessage() + ")");
                }
            }
            for (NotFoundVariants.IdField id : NotFoundVariants.of(op)) {
                // without a model of its own the suite can only name a model that does not exist
                if (run.config().readOnly() && !id.field().equals(NotFoundVariants.MODEL_ID)) {
                    continue;
                }
                String unknown = run.adapter().randomId();
                ObjectNode body = ((ObjectNode) base.deepCopy()).put(id.field(), unknown);
                try {
                    notFound.add(run.decthings().call(op, body, new Call(Intent.NOT_FOUND,
                            "unknown " + id.field() + " " + unknown, id.field(), AuthMode.CONFIGURED, null)));
                } catch (RequestEncodingException e) {
                    notes.add("unknown " + id.field() + ": not sent (" + e.getMessage() + ")");
                }
            }
        }
        return new Probe(op, positive, negative, notFound, notes, null);
    }

    private Map<String, String> decthingsIds(ApiOperation op) {
        if (run.config().readOnly()) {
            return Map.of();
        }
        String model = OperationTraits.destructive(op)
                ? run.fixtures().throwawayDecthingsModel(op.id() + "-probe")
                : run.fixtures().decthingsModel();
        Map<String, String> ids = new HashMap<>();
        ids.put("modelId", model);
        ids.put("filter.ids", model);
        if (OperationTraits.readOnly(op)) {
            try {
                ids.put("stateId", run.fixtures().decthingsState());
            } catch (TestAbortedException e) {
                // reads then use the example's state id: a not-found answer is as good for the response checks
            }
        }
        return ids;
    }

    // ---------------------------------------------------------------- Pieces

    private Probe pieces(ApiOperation op) {
        if (op.isWebSocket()) {
            return Probe.skipped(op, "a WebSocket: the ws-progress check covers it");
        }
        if (OperationTraits.global(op) && !run.embedded()) {
            return Probe.skipped(op, op.label() + " acts on every model, including models the suite did not"
                    + " create: it runs only against the embedded mock");
        }
        boolean writes = !OperationTraits.readOnly(op);
        Map<String, String> path = new HashMap<>();
        String id = null;
        if (!op.pathParameters().isEmpty()) {
            id = piecesModelFor(op);
            path.put(op.pathParameters().get(0), id);
        } else if (writes && op.hasJsonBody() && bodyHasId(op)) {
            // e.g. POST /model/update: the model is named by the body's id
            id = piecesModelFor(op);
        }
        List<Exchange> positive = new ArrayList<>();
        List<Exchange> negative = new ArrayList<>();
        List<Exchange> notFound = new ArrayList<>();
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        if (op.hasJsonBody()) {
            Map<String, String> ids = id == null ? Map.of() : Map.of("id", id);
            bodies.putAll(validRequests(op, ids, writes));
            bodies.forEach((description, body) ->
                    positive.add(run.pieces().call(op, path, body, Call.of(Intent.POSITIVE, description))));
        } else {
            positive.add(run.pieces().call(op, path, null, Call.of(Intent.POSITIVE,
                    path.isEmpty() ? "no parameters" : "model " + id)));
        }
        if (!op.pathParameters().isEmpty()) {
            String unknown = run.adapter().randomId();
            notFound.add(run.pieces().call(op, Map.of(op.pathParameters().get(0), unknown), null,
                    Call.of(Intent.NOT_FOUND, "unknown model " + unknown)));
        }
        if (!bodies.isEmpty()) {
            for (Mutation m : boundaryVariants(op, bodies.values().iterator().next())) {
                positive.add(run.pieces().call(op, path, m.body(), Call.of(Intent.POSITIVE, m.description())));
            }
            for (Mutation m : negativeVariants(op, bodies.values().iterator().next())) {
                negative.add(run.pieces().call(op, path, m.body(), Call.negative(m.description(), m.field())));
            }
        }
        return new Probe(op, positive, negative, notFound, List.of(), null);
    }

    /** The model a Pieces operation is called on: whatever state the operation needs, and only the suite's own. */
    private String piecesModelFor(ApiOperation op) {
        if (OperationTraits.readOnly(op)) {
            return run.fixtures().readablePiecesModel().orElseGet(() -> exampleValue(op));
        }
        Fixtures f = run.fixtures();
        return switch (op.id()) {
            // "Loads a previously downloaded model into memory" / unloads a loaded one
            case "modelSpecificModelLoad", "modelSpecificModelUnload" -> f.downloadedPiecesModel();
            // a download of its own, so that its progress starts from the beginning
            case "modelSpecificModelDownload" -> f.throwawayPiecesModel("download-probe");
            // "Cancels a specific model download that is currently in progress"
            case "modelSpecificModelDownloadCancel" -> startedDownload(f.throwawayPiecesModel("cancel-probe"));
            default -> OperationTraits.destructive(op) ? f.throwawayPiecesModel(op.id() + "-probe") : f.piecesModel();
        };
    }

    private static boolean bodyHasId(ApiOperation op) {
        return dev.modelapi.conformance.data.SchemaView.of(op.catalog(), op.jsonRequest().getSchema(), null)
                .properties().containsKey("id");
    }

    private String startedDownload(String id) {
        ApiOperation download = SpecCatalog.of(Api.PIECES).operation("modelSpecificModelDownload");
        run.pieces().call(download, Map.of(download.pathParameters().get(0), id), null,
                Call.of(Intent.FLOW, "start a download to cancel"));
        return id;
    }

    private static String exampleValue(ApiOperation op) {
        for (Parameter p : op.parameters()) {
            if (!"path".equals(p.getIn())) {
                continue;
            }
            if (p.getExample() != null) {
                return p.getExample().toString();
            }
            if (p.getExamples() != null && !p.getExamples().isEmpty()) {
                return String.valueOf(op.catalog().resolve(p.getExamples().values().iterator().next()).getValue());
            }
        }
        return "00000000-0000-4000-8000-000000000000";
    }

    // ---------------------------------------------------------------- shared

    /**
     * The valid requests of an operation: each named example, then one value generated from the schema (kept only
     * when the spec accepts it), made safe by the run's {@link dev.modelapi.conformance.data.RequestAdapter}.
     */
    private Map<String, JsonNode> validRequests(ApiOperation op, Map<String, String> ids, boolean writes) {
        Map<String, JsonNode> requests = new LinkedHashMap<>();
        if (!op.hasJsonBody()) {
            return requests;
        }
        op.requestExamples().forEach((name, value) -> requests.put("example '" + name + "'",
                run.adapter().adapt(SpecCatalog.toJson(value), ids, writes, writes)));
        JsonNode generated = new SchemaInstanceGenerator(op.catalog(), run.seed() ^ op.key().hashCode())
                .generate(op.jsonRequest().getSchema());
        JsonNode adapted = run.adapter().adapt(generated, ids, writes, writes);
        if (SpecValidator.of(op.api()).requestBodyProblems(op, adapted).isEmpty()) {
            requests.put("generated from the schema", adapted);
        }
        return requests;
    }

    private List<Mutation> boundaryVariants(ApiOperation op, JsonNode base) {
        return new BoundaryVariants(op, SpecValidator.of(op.api())).choose(base, BOUNDARY_LIMIT, run.seed());
    }

    private List<Mutation> negativeVariants(ApiOperation op, JsonNode base) {
        if (!op.hasJsonBody()) {
            return List.of();
        }
        return new NegativeVariants(op, SpecValidator.of(op.api())).choose(base, NEGATIVE_LIMIT, run.seed());
    }
}
