package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.server.api.ModelApi;
import dev.modelapi.decthings.server.model.*;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The simulated Decthings Model API: all 33 methods of the generated server interface (a method added to the spec
 * and not simulated here fails compilation), over in-memory state that is deterministic with the seed.
 *
 * <p>Thread-safe: every call runs under one lock, so concurrent calls see a consistent state (two racing
 * createModel calls with the same name: exactly one wins). Nothing here waits for time to pass: long-running work
 * (initial states, training, evaluations) moves when the client asks about it.
 */
public final class DecthingsSimulation implements ModelApi {

    private static final Map<String, Object> EMPTY = Map.of();

    private final Object lock = new Object();
    private SimContext ctx;
    private ModelOps models;
    private ModelQuery query;
    private StateOps states;
    private SnapshotOps snapshots;
    private TrainingOps training;
    private EvaluationOps evaluations;

    public DecthingsSimulation(long seed) {
        reset(seed);
    }

    /** Back to the seeded initial state: the example public models and fixtures, nothing of the user's. */
    public void reset(long seed) {
        synchronized (lock) {
            ctx = new SimContext(seed);
            SeedModels.seed(ctx);
            models = new ModelOps(ctx);
            query = new ModelQuery(ctx);
            states = new StateOps(ctx, models);
            snapshots = new SnapshotOps(ctx);
            training = new TrainingOps(ctx);
            evaluations = new EvaluationOps(ctx);
        }
    }

    /** The persistent launchers and datasets requests may refer to. */
    public Fixtures fixtures() {
        synchronized (lock) {
            return ctx.fixtures;
        }
    }

    private <R> R call(Class<R> responseType, Supplier<R> body) {
        synchronized (lock) {
            try {
                return body.get();
            } catch (SimError e) {
                return e.toResponse(responseType);
            }
        }
    }

    // ------------------------------------------------------------------ models

    @Override
    public CreateModelResponse createModel(CreateModelRequest r) {
        return call(CreateModelResponse.class, () -> new CreateModelResponse().result(models.create(r)));
    }

    @Override
    public WaitForModelToBeCreatedResponse waitForModelToBeCreated(WaitForModelToBeCreatedRequest r) {
        return call(WaitForModelToBeCreatedResponse.class,
                () -> new WaitForModelToBeCreatedResponse().result(models.waitForCreated(r.getModelId())));
    }

    @Override
    public DeleteModelResponse deleteModel(DeleteModelRequest r) {
        return call(DeleteModelResponse.class, () -> {
            models.delete(r.getModelId());
            return new DeleteModelResponse().result(EMPTY);
        });
    }

    @Override
    public UpdateModelResponse updateModel(UpdateModelRequest r) {
        return call(UpdateModelResponse.class, () -> {
            models.update(r.getModelId(), r.getProperties());
            return new UpdateModelResponse().result(EMPTY);
        });
    }

    @Override
    public GetModelsResponse getModels(GetModelsRequest r) {
        return call(GetModelsResponse.class, () -> new GetModelsResponse().result(query.run(r)));
    }

    @Override
    public SetFilesystemSizeResponse setFilesystemSize(SetFilesystemSizeRequest r) {
        return call(SetFilesystemSizeResponse.class, () -> {
            models.setFilesystemSize(r.getModelId(), r.getNewFilesystemSizeMebibytes());
            return new SetFilesystemSizeResponse().result(EMPTY);
        });
    }

    @Override
    public GetFilesystemUsageResponse getFilesystemUsage(GetFilesystemUsageRequest r) {
        return call(GetFilesystemUsageResponse.class,
                () -> new GetFilesystemUsageResponse().result(models.filesystemUsage(r.getModelId())));
    }

    @Override
    public SetImageResponse setImage(SetImageRequest r) {
        return call(SetImageResponse.class, () -> {
            models.setImage(r);
            return new SetImageResponse().result(EMPTY);
        });
    }

    // ------------------------------------------------------------------ snapshots

    @Override
    public SnapshotModelResponse snapshotModel(SnapshotModelRequest r) {
        return call(SnapshotModelResponse.class, () -> new SnapshotModelResponse().result(
                new SnapshotModelResult().snapshotId(snapshots.snapshot(r.getModelId(), r.getSnapshotName()))));
    }

    @Override
    public UpdateSnapshotResponse updateSnapshot(UpdateSnapshotRequest r) {
        return call(UpdateSnapshotResponse.class, () -> {
            snapshots.rename(r.getModelId(), r.getSnapshotId(), r.getProperties().getName());
            return new UpdateSnapshotResponse().result(EMPTY);
        });
    }

    @Override
    public DeleteSnapshotResponse deleteSnapshot(DeleteSnapshotRequest r) {
        return call(DeleteSnapshotResponse.class, () -> {
            snapshots.delete(r.getModelId(), r.getSnapshotId());
            return new DeleteSnapshotResponse().result(EMPTY);
        });
    }

    @Override
    public GetSnapshotStateResponse getSnapshotState(GetSnapshotStateRequest r) {
        return call(GetSnapshotStateResponse.class, () -> new GetSnapshotStateResponse().result(
                new GetSnapshotStateResult().data(snapshots.read(r.getModelId(), r.getSnapshotId(), r.getKeys()))));
    }

    // ------------------------------------------------------------------ states

    @Override
    public CreateStateResponse createState(CreateStateRequest r) {
        return call(CreateStateResponse.class, () -> new CreateStateResponse().result(states.create(r)));
    }

    @Override
    public UploadStateResponse uploadState(UploadStateRequest r) {
        return call(UploadStateResponse.class,
                () -> new UploadStateResponse().result(new UploadStateResult().stateId(states.upload(r))));
    }

    @Override
    public CancelCreateStateResponse cancelCreateState(CancelCreateStateRequest r) {
        return call(CancelCreateStateResponse.class, () -> {
            states.cancelCreating(r.getModelId(), r.getStateId());
            return new CancelCreateStateResponse().result(EMPTY);
        });
    }

    @Override
    public GetCreatingStatesResponse getCreatingStates(GetCreatingStatesRequest r) {
        return call(GetCreatingStatesResponse.class, () -> new GetCreatingStatesResponse().result(
                new GetCreatingStatesResult().states(states.creating(r.getModelId()))));
    }

    @Override
    public WaitForStateToBeCreatedResponse waitForStateToBeCreated(WaitForStateToBeCreatedRequest r) {
        return call(WaitForStateToBeCreatedResponse.class, () -> new WaitForStateToBeCreatedResponse().result(
                states.waitFor(r.getModelId(), r.getStateId())));
    }

    @Override
    public UpdateModelStateResponse updateModelState(UpdateModelStateRequest r) {
        return call(UpdateModelStateResponse.class, () -> {
            states.rename(r.getModelId(), r.getStateId(), r.getProperties().getName());
            return new UpdateModelStateResponse().result(EMPTY);
        });
    }

    @Override
    public SetActiveModelStateResponse setActiveModelState(SetActiveModelStateRequest r) {
        return call(SetActiveModelStateResponse.class, () -> {
            states.activate(r.getModelId(), r.getStateId());
            return new SetActiveModelStateResponse().result(EMPTY);
        });
    }

    @Override
    public DeleteModelStateResponse deleteModelState(DeleteModelStateRequest r) {
        return call(DeleteModelStateResponse.class, () -> {
            states.delete(r.getModelId(), r.getStateId());
            return new DeleteModelStateResponse().result(EMPTY);
        });
    }

    @Override
    public GetModelStateResponse getModelState(GetModelStateRequest r) {
        return call(GetModelStateResponse.class,
                () -> new GetModelStateResponse().result(new GetModelStateResult().data(states.read(r))));
    }

    // ------------------------------------------------------------------ training

    @Override
    public TrainResponse train(TrainRequest r) {
        return call(TrainResponse.class,
                () -> new TrainResponse().result(new TrainResult().trainingSessionId(training.train(r))));
    }

    @Override
    public GetTrainingStatusResponse getTrainingStatus(GetTrainingStatusRequest r) {
        return call(GetTrainingStatusResponse.class, () -> new GetTrainingStatusResponse().result(
                training.status(r.getModelId(), r.getTrainingSessionId())));
    }

    @Override
    public GetTrainingMetricsResponse getTrainingMetrics(GetTrainingMetricsRequest r) {
        return call(GetTrainingMetricsResponse.class, () -> new GetTrainingMetricsResponse().result(
                new GetTrainingMetricsResult().metrics(
                        training.metrics(r.getModelId(), r.getTrainingSessionId(), r.getMetrics()))));
    }

    @Override
    public GetTrainingSysinfoResponse getTrainingSysinfo(GetTrainingSysinfoRequest r) {
        return call(GetTrainingSysinfoResponse.class, () -> new GetTrainingSysinfoResponse().result(
                new GetTrainingSysinfoResult().sysinfo(
                        training.sysinfo(r.getModelId(), r.getTrainingSessionId(), r.getFromTimestamp()))));
    }

    @Override
    public CancelTrainingSessionResponse cancelTrainingSession(CancelTrainingSessionRequest r) {
        return call(CancelTrainingSessionResponse.class, () -> {
            training.cancel(r.getModelId(), r.getTrainingSessionId());
            return new CancelTrainingSessionResponse().result(EMPTY);
        });
    }

    @Override
    public ClearPreviousTrainingSessionResponse clearPreviousTrainingSession(ClearPreviousTrainingSessionRequest r) {
        return call(ClearPreviousTrainingSessionResponse.class, () -> {
            training.clear(r.getModelId(), r.getTrainingSessionId());
            return new ClearPreviousTrainingSessionResponse().result(EMPTY);
        });
    }

    // ------------------------------------------------------------------ evaluation

    @Override
    public EvaluateResponse evaluate(EvaluateRequest r) {
        return call(EvaluateResponse.class, () -> {
            EvaluationOps.Outcome o = evaluations.evaluate(r);
            return new EvaluateResponse().result(new EvaluateResult().success(o.success()).failed(o.failed()));
        });
    }

    @Override
    public GetEvaluationsResponse getEvaluations(GetEvaluationsRequest r) {
        return call(GetEvaluationsResponse.class, () -> new GetEvaluationsResponse().result(
                new GetEvaluationsResult().running(new java.util.ArrayList<>())
                        .finished(evaluations.finished(r.getModelId()))));
    }

    @Override
    public GetFinishedEvaluationResultResponse getFinishedEvaluationResult(GetFinishedEvaluationResultRequest r) {
        return call(GetFinishedEvaluationResultResponse.class, () -> {
            EvaluationOps.Outcome o = evaluations.result(r.getModelId(), r.getEvaluationId());
            return new GetFinishedEvaluationResultResponse().result(
                    new GetFinishedEvaluationResultResult().success(o.success()).failed(o.failed()));
        });
    }

    @Override
    public CancelEvaluationResponse cancelEvaluation(CancelEvaluationRequest r) {
        return call(CancelEvaluationResponse.class, () -> {
            evaluations.cancel(r.getModelId(), r.getEvaluationId());
            return new CancelEvaluationResponse().result(EMPTY);
        });
    }

    @Override
    public SetUsedPersistentLaunchersForEvaluateResponse setUsedPersistentLaunchersForEvaluate(
            SetUsedPersistentLaunchersForEvaluateRequest r) {
        return call(SetUsedPersistentLaunchersForEvaluateResponse.class, () -> {
            evaluations.setUsedLaunchers(r.getModelId(), r.getPersistentLaunchers());
            return new SetUsedPersistentLaunchersForEvaluateResponse().result(EMPTY);
        });
    }

    @Override
    public GetUsedPersistentLaunchersForEvaluateResponse getUsedPersistentLaunchersForEvaluate(
            GetUsedPersistentLaunchersForEvaluateRequest r) {
        return call(GetUsedPersistentLaunchersForEvaluateResponse.class,
                () -> new GetUsedPersistentLaunchersForEvaluateResponse().result(
                        new GetUsedPersistentLaunchersForEvaluateResult().usedPersistentLaunchers(
                                evaluations.usedLaunchers(r.getModelId()))));
    }
}
