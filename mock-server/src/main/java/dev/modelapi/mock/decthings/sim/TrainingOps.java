package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.server.model.ExecutionLocation;
import dev.modelapi.decthings.server.model.FetchedTrainingMetric;
import dev.modelapi.decthings.server.model.FetchedTrainingMetricEntry;
import dev.modelapi.decthings.server.model.GetTrainingStatusResult;
import dev.modelapi.decthings.server.model.MountedModel;
import dev.modelapi.decthings.server.model.SysinfoDataPoint;
import dev.modelapi.decthings.server.model.TrainRequest;
import dev.modelapi.decthings.server.model.TrainingMetricsToFetch;
import dev.modelapi.decthings.server.model.TrainingStartDurations;
import dev.modelapi.mock.http.MockJson;

import java.util.ArrayList;
import java.util.List;

/** train and the training-session methods; see {@link TrainingRecord} for how a session progresses. */
final class TrainingOps {

    private final SimContext ctx;

    TrainingOps(SimContext ctx) {
        this.ctx = ctx;
    }

    String train(TrainRequest req) {
        ModelRecord m = ctx.writable(req.getModelId());
        if (m.basedOnSnapshot != null && Boolean.TRUE.equals(m.basedOnSnapshot.getNoLongerExists())) {
            throw SimError.of("snapshot_no_longer_exists");
        }
        String stateId = req.getStateId() != null ? req.getStateId() : m.activeState;
        StateRecord base = m.states.get(stateId);
        if (base == null) {
            throw SimError.invalidParameter("stateId", "The model has no state " + stateId
                    + (req.getStateId() == null ? " (its initial state is still being created)" : ""));
        }
        for (MountedModel mounted : base.mountedModels) {
            if (!ctx.models.containsKey(mounted.getModelId())) {
                throw SimError.of("model_to_mount_no_longer_exists");
            }
        }
        ExecutionLocation location = Launchers.resolve(req.getExecutionLocation(), ctx.fixtures);
        Params.resolve(req.getParams(), m.definitions.getTrain(), ctx.fixtures, "params");
        TrainingStartDurations start = new TrainingStartDurations()
                .codeStartup(ctx.ids().nextLong(400, 3_000))
                .createInstantiatedModel(ctx.ids().nextLong(100, 2_000));
        if (Launchers.needsNewLauncher(location)) {
            start.createLauncher(ctx.ids().nextLong(1_000, 6_000));
        }
        String id = ctx.ids().uuid();
        ctx.trainings.put(id, new TrainingRecord(id, m.id, req.getNewStateName(), ctx.tick(), base, location,
                start));
        m.trainingSessions.add(id);
        return id;
    }

    /** The session's status after it moved one step. */
    GetTrainingStatusResult status(String modelId, String sessionId) {
        ModelRecord m = ctx.readable(modelId);
        TrainingRecord t = session(m, sessionId);
        if (t.running()) {
            t.advance(ctx, ctx.models.get(t.modelId));
        }
        return t.toStatus();
    }

    List<FetchedTrainingMetric> metrics(String modelId, String sessionId, List<TrainingMetricsToFetch> wanted) {
        TrainingRecord t = session(ctx.readable(modelId), sessionId);
        List<FetchedTrainingMetric> out = new ArrayList<>();
        for (TrainingMetricsToFetch w : wanted) {
            List<FetchedTrainingMetricEntry> all = t.metrics.getOrDefault(w.getName(), List.of());
            int from = (int) Math.min(all.size(), w.getStartIndex());
            int to = (int) Math.min(all.size(), from + w.getAmount());
            List<FetchedTrainingMetricEntry> entries = new ArrayList<>();
            all.subList(from, to).forEach(e -> entries.add(MockJson.copy(e, FetchedTrainingMetricEntry.class)));
            out.add(new FetchedTrainingMetric().name(w.getName()).startIndex(w.getStartIndex()).entries(entries));
        }
        return out;
    }

    List<SysinfoDataPoint> sysinfo(String modelId, String sessionId, Long fromTimestamp) {
        TrainingRecord t = session(ctx.readable(modelId), sessionId);
        List<SysinfoDataPoint> out = new ArrayList<>();
        t.sysinfo.stream().filter(p -> fromTimestamp == null || p.getTimestamp() > fromTimestamp)
                .forEach(p -> out.add(MockJson.copy(p, SysinfoDataPoint.class)));
        return out;
    }

    void cancel(String modelId, String sessionId) {
        TrainingRecord t = session(ctx.writable(modelId), sessionId);
        if (!t.running()) {
            throw SimError.of("training_session_not_running");
        }
        t.fail("cancelled", ctx.tick());
    }

    void clear(String modelId, String sessionId) {
        ModelRecord m = ctx.writable(modelId);
        TrainingRecord t = session(m, sessionId);
        if (t.running()) {
            throw SimError.of("training_session_running");
        }
        ctx.trainings.remove(t.id);
        m.trainingSessions.remove(t.id);
        ctx.tick();
    }

    private TrainingRecord session(ModelRecord m, String sessionId) {
        TrainingRecord t = sessionId == null ? null : ctx.trainings.get(sessionId);
        if (t == null || !t.modelId.equals(m.id)) {
            throw SimError.of("training_session_not_found");
        }
        return t;
    }
}
