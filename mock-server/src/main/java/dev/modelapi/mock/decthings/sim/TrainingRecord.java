package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.client.tensor.DecthingsTensor;
import dev.modelapi.decthings.server.model.ExecutionLocation;
import dev.modelapi.decthings.server.model.FetchedTrainingMetricEntry;
import dev.modelapi.decthings.server.model.GetTrainingStatusResult;
import dev.modelapi.decthings.server.model.ModelFunctionSimpleFailure;
import dev.modelapi.decthings.server.model.SysinfoDataPoint;
import dev.modelapi.decthings.server.model.TrainingMetricSummary;
import dev.modelapi.decthings.server.model.TrainingStartDurations;
import dev.modelapi.decthings.server.model.TrainingStatus;
import dev.modelapi.decthings.server.model.TrainingStatusCompleted;
import dev.modelapi.decthings.server.model.TrainingStatusFailed;
import dev.modelapi.decthings.server.model.TrainingStatusGettingState;
import dev.modelapi.decthings.server.model.TrainingStatusRunning;
import dev.modelapi.decthings.server.model.TrainingStatusStarting;
import dev.modelapi.mock.http.MockJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training session. It moves one step each time its status is read (getTrainingStatus): starting → running at
 * 25 %, 50 %, 75 %, 100 % (each step records a {@code loss} and an {@code accuracy} metric and a sysinfo point) →
 * gettingState → completed, when the new state is added to the model. Deterministic: no wall-clock time involved.
 */
final class TrainingRecord {

    enum Phase { STARTING, RUNNING, GETTING_STATE, COMPLETED, FAILED }

    static final int RUNNING_STEPS = 4;

    final String id;
    final String modelId;
    final String newStateName;
    final long createdAt;
    final StateRecord baseState;
    final ExecutionLocation location;
    final TrainingStartDurations startDurations;
    final Map<String, List<FetchedTrainingMetricEntry>> metrics = new LinkedHashMap<>();
    final List<SysinfoDataPoint> sysinfo = new ArrayList<>();
    Phase phase = Phase.STARTING;
    int step;
    long trainDuration;
    long getStateDuration;
    long finishedAt;
    String createdStateId;
    String failCode;

    TrainingRecord(String id, String modelId, String newStateName, long createdAt, StateRecord baseState,
                   ExecutionLocation location, TrainingStartDurations startDurations) {
        this.id = id;
        this.modelId = modelId;
        this.newStateName = newStateName;
        this.createdAt = createdAt;
        this.baseState = baseState;
        this.location = location;
        this.startDurations = startDurations;
        metrics.put("loss", new ArrayList<>());
        metrics.put("accuracy", new ArrayList<>());
    }

    boolean running() {
        return phase != Phase.COMPLETED && phase != Phase.FAILED;
    }

    /** One step of the session; {@code model} is null if the model was deleted meanwhile. */
    void advance(SimContext ctx, ModelRecord model) {
        long now = ctx.tick();
        switch (phase) {
            case STARTING, RUNNING -> {
                step++;
                phase = Phase.RUNNING;
                trainDuration += ctx.ids().nextLong(5_000, 60_000);
                record(ctx, now);
                if (step > RUNNING_STEPS) {
                    phase = Phase.GETTING_STATE;
                    step = RUNNING_STEPS;
                }
            }
            case GETTING_STATE -> {
                getStateDuration = ctx.ids().nextLong(200, 3_000);
                finishedAt = now;
                if (model == null) {
                    fail("cancelled", now);
                    return;
                }
                phase = Phase.COMPLETED;
                createdStateId = ctx.ids().uuid();
                Map<String, byte[]> data = new LinkedHashMap<>(baseState.data);
                byte[] weights = new byte[256];
                ctx.ids().nextBytes(weights);
                data.put("weights.bin", weights);
                List<String> ops = new ArrayList<>(baseState.trainingOperations);
                ops.add(id);
                model.states.put(createdStateId, new StateRecord(createdStateId, newStateName, now, ops,
                        baseState.mountedModels, data));
            }
            default -> { }
        }
    }

    void fail(String code, long now) {
        phase = Phase.FAILED;
        failCode = code;
        finishedAt = now;
    }

    private void record(SimContext ctx, long now) {
        double noise = ctx.ids().nextDouble() * 0.05;
        float loss = (float) (1.0 / (step + 1) + noise);
        float accuracy = (float) Math.min(0.99, 0.5 + 0.1 * step + noise);
        metrics.get("loss").add(new FetchedTrainingMetricEntry().timestamp(now)
                .data(DecthingsTensor.f32(new float[] {loss}).serialize()));
        metrics.get("accuracy").add(new FetchedTrainingMetricEntry().timestamp(now)
                .data(DecthingsTensor.f32(new float[] {accuracy}).serialize()));
        sysinfo.add(new SysinfoDataPoint().timestamp(now).cpus((float) (0.5 + ctx.ids().nextDouble()))
                .memory(ctx.ids().nextLong(600, 1000)).disk(ctx.ids().nextLong(100, 400)));
    }

    GetTrainingStatusResult toStatus() {
        List<TrainingMetricSummary> summaries = new ArrayList<>();
        metrics.forEach((name, entries) -> summaries.add(
                new TrainingMetricSummary().name(name).amount((long) entries.size())));
        return new GetTrainingStatusResult().id(id).modelId(modelId).newStateName(newStateName)
                .createdAt(createdAt).metrics(summaries).executionLocation(MockJson.copy(location,
                        ExecutionLocation.class)).status(status());
    }

    private TrainingStatus status() {
        TrainingStartDurations d = MockJson.copy(startDurations, TrainingStartDurations.class);
        return switch (phase) {
            case STARTING -> new TrainingStatusStarting().state("starting");
            case RUNNING -> new TrainingStatusRunning().state("running").startDurations(d)
                    .progress((float) step / RUNNING_STEPS);
            case GETTING_STATE -> new TrainingStatusGettingState().state("gettingState").startDurations(d)
                    .trainDuration(trainDuration);
            case COMPLETED -> new TrainingStatusCompleted().state("completed").startDurations(d)
                    .trainDuration(trainDuration).getStateDuration(getStateDuration).finishedAt(finishedAt)
                    .createdStateId(createdStateId);
            case FAILED -> new TrainingStatusFailed().state("failed").startDurations(d)
                    .trainDuration(step > 0 ? trainDuration : null).finishedAt(finishedAt)
                    .failReason(new ModelFunctionSimpleFailure().code(failCode));
        };
    }
}
