package dev.modelapi.conformance.flows;

import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.modelapi.conformance.checks.CheckId.BINARY_FRAMING;
import static dev.modelapi.conformance.checks.CheckId.QUERY;
import static dev.modelapi.conformance.checks.CheckId.STATEFUL;
import static dev.modelapi.conformance.checks.CheckId.UNIQUENESS;
import static dev.modelapi.conformance.checks.CheckId.WRITE_ANSWER;
import static dev.modelapi.conformance.checks.CheckId.WS_PROGRESS;

/**
 * Every flow of the suite and the cells (check × operation) it reports on. Each flow works on resources of its own,
 * so flows of one API run in parallel; {@code global} flows run afterwards, alone.
 */
public final class FlowCatalog {

    public static final String BLOB_ROUND_TRIP = "blob round trip";

    private static final List<FlowSpec> ALL = List.of(
            // ---------------------------------------------------------------- Decthings
            new FlowSpec("model lifecycle", Api.DECTHINGS, cells(STATEFUL,
                    List.of("createModel", "getModels", "updateModel", "deleteModel")), false,
                    (run, v) -> new DecthingsLifecycle(run).run(v)),
            new FlowSpec("state lifecycle", Api.DECTHINGS, cells(
                    STATEFUL, List.of(StateLifecycle.UPLOAD, StateLifecycle.CREATE, StateLifecycle.ACTIVATE,
                            StateLifecycle.READ, StateLifecycle.RENAME, StateLifecycle.DELETE),
                    WRITE_ANSWER, List.of(StateLifecycle.UPLOAD, StateLifecycle.CREATE)), false,
                    (run, v) -> new StateLifecycle(run).run(v)),
            new FlowSpec("snapshot lifecycle", Api.DECTHINGS, cells(
                    STATEFUL, List.of(SnapshotLifecycle.SNAPSHOT, SnapshotLifecycle.RENAME, SnapshotLifecycle.READ,
                            SnapshotLifecycle.DELETE, SnapshotLifecycle.CREATE_MODEL),
                    WRITE_ANSWER, List.of(SnapshotLifecycle.SNAPSHOT, SnapshotLifecycle.CREATE_MODEL)), false,
                    (run, v) -> new SnapshotLifecycle(run).run(v)),
            new FlowSpec("initial-state creation", Api.DECTHINGS, cells(
                    STATEFUL, List.of(CreationLifecycle.CREATE_MODEL, CreationLifecycle.CREATING,
                            CreationLifecycle.WAIT_MODEL, CreationLifecycle.WAIT_STATE, CreationLifecycle.CANCEL),
                    WRITE_ANSWER, List.of(CreationLifecycle.CREATE_MODEL)), false,
                    (run, v) -> new CreationLifecycle(run).run(v)),
            new FlowSpec("training lifecycle", Api.DECTHINGS, cells(
                    STATEFUL, List.of(TrainingLifecycle.TRAIN, TrainingLifecycle.STATUS, TrainingLifecycle.METRICS,
                            TrainingLifecycle.SYSINFO, TrainingLifecycle.CANCEL, TrainingLifecycle.CLEAR),
                    WRITE_ANSWER, List.of(TrainingLifecycle.TRAIN)), false,
                    (run, v) -> new TrainingLifecycle(run).run(v)),
            new FlowSpec("evaluation lifecycle", Api.DECTHINGS, cells(
                    STATEFUL, List.of(EvaluationLifecycle.EVALUATE, EvaluationLifecycle.LIST,
                            EvaluationLifecycle.RESULT, EvaluationLifecycle.CANCEL),
                    WRITE_ANSWER, List.of(EvaluationLifecycle.EVALUATE)), false,
                    (run, v) -> new EvaluationLifecycle(run).run(v)),
            new FlowSpec("model settings", Api.DECTHINGS, cells(STATEFUL,
                    List.of(ModelSettingsFlow.SET_SIZE, ModelSettingsFlow.USAGE, ModelSettingsFlow.SET_IMAGE,
                            ModelSettingsFlow.SET_LAUNCHERS, ModelSettingsFlow.GET_LAUNCHERS)), false,
                    (run, v) -> new ModelSettingsFlow(run).run(v)),
            new FlowSpec("getModels query", Api.DECTHINGS, cells(QUERY, List.of(QuerySemantics.LIST)), false,
                    (run, v) -> new QuerySemantics(run).run(v)),
            new FlowSpec("model names", Api.DECTHINGS, cells(UNIQUENESS,
                    List.of(NameUniqueness.CREATE, NameUniqueness.UPDATE, NameUniqueness.DELETE)), false,
                    (run, v) -> new NameUniqueness(run).run(v)),
            new FlowSpec(BLOB_ROUND_TRIP, Api.DECTHINGS, cells(BINARY_FRAMING,
                    List.of(BlobRoundTrip.UPLOAD, BlobRoundTrip.DOWNLOAD)), false,
                    (run, v) -> new BlobRoundTrip(run).run(v)),
            // ---------------------------------------------------------------- Pieces
            new FlowSpec("model lifecycle", Api.PIECES, cells(
                    STATEFUL, List.of(PiecesLifecycle.CELLS),
                    WRITE_ANSWER, List.of(PiecesLifecycle.ANSWER_CELLS)), false,
                    (run, v) -> new PiecesLifecycle(run).run(v)),
            new FlowSpec("download progress", Api.PIECES, cells(
                    WS_PROGRESS, List.of(DownloadProgressFlow.PROGRESS, DownloadProgressFlow.CANCEL),
                    STATEFUL, List.of(DownloadProgressFlow.CANCEL),
                    WRITE_ANSWER, List.of(DownloadProgressFlow.CANCEL)), false,
                    (run, v) -> new DownloadProgressFlow(run).run(v)),
            new FlowSpec("models listing", Api.PIECES, cells(QUERY, List.of(PiecesListing.LIST)), false,
                    (run, v) -> new PiecesListing(run).run(v)),
            new FlowSpec("create de-duplication", Api.PIECES, cells(UNIQUENESS, List.of(PiecesDedup.CREATE)), false,
                    (run, v) -> new PiecesDedup(run).run(v)),
            new FlowSpec("unload all", Api.PIECES, cells(STATEFUL, List.of(UnloadAllFlow.UNLOAD_ALL)), true,
                    (run, v) -> new UnloadAllFlow(run).run(v)));

    private FlowCatalog() {
    }

    public static List<FlowSpec> all() {
        return ALL;
    }

    /** The flows that report on {@code check} at {@code op}. */
    public static List<FlowSpec> covering(CheckId check, ApiOperation op) {
        return ALL.stream().filter(f -> f.api() == op.api() && f.covers(check, op.id())).toList();
    }

    static FlowSpec named(Api api, String name) {
        return ALL.stream().filter(f -> f.api() == api && f.name().equals(name)).findFirst().orElseThrow();
    }

    private static Map<CheckId, List<String>> cells(Object... checkThenOperations) {
        Map<CheckId, List<String>> map = new EnumMap<>(CheckId.class);
        for (int i = 0; i < checkThenOperations.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> ops = (List<String>) checkThenOperations[i + 1];
            map.put((CheckId) checkThenOperations[i], List.copyOf(ops));
        }
        return map;
    }
}
