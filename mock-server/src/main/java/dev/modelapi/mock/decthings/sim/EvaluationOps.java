package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.server.model.DecthingsParameter;
import dev.modelapi.decthings.server.model.DecthingsParameterDefinition;
import dev.modelapi.decthings.server.model.EvaluateRequest;
import dev.modelapi.decthings.server.model.EvaluationException;
import dev.modelapi.decthings.server.model.EvaluationFailed;
import dev.modelapi.decthings.server.model.EvaluationFailedDurations;
import dev.modelapi.decthings.server.model.EvaluationPhase;
import dev.modelapi.decthings.server.model.EvaluationSuccess;
import dev.modelapi.decthings.server.model.EvaluationSuccessDurations;
import dev.modelapi.decthings.server.model.ExecutionLocation;
import dev.modelapi.decthings.server.model.FinishedEvaluation;
import dev.modelapi.decthings.server.model.MountedModel;
import dev.modelapi.decthings.server.model.ParameterDefinitions;
import dev.modelapi.decthings.server.model.PersistentLauncherLocation;
import dev.modelapi.decthings.server.model.UsedPersistentLauncher;
import dev.modelapi.mock.http.MockJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * evaluate and the evaluation methods. Evaluations run synchronously: evaluate returns the outputs at once (and
 * the evaluation is listed as finished), with one generated tensor per input tensor of the first parameter for each
 * {@code evaluateOutput} definition.
 */
final class EvaluationOps {

    /** Largest batch the simulated model produces outputs for. */
    static final int MAX_BATCH = 64;

    private final SimContext ctx;

    EvaluationOps(SimContext ctx) {
        this.ctx = ctx;
    }

    /** The result of one evaluation: exactly one of the two is non-null. */
    record Outcome(EvaluationSuccess success, EvaluationFailed failed) {
    }

    Outcome evaluate(EvaluateRequest req) {
        ModelRecord m = ctx.readable(req.getModelId());
        ParameterDefinitions defs = m.definitions;
        if (req.getSnapshotId() != null) {
            SnapshotRecord s = m.snapshots.get(req.getSnapshotId());
            if (s == null) {
                throw SimError.of("snapshot_not_found");
            }
            defs = s.definitions;
        }
        StateRecord state = m.activeStateRecord();
        if (state != null) {
            for (MountedModel mounted : state.mountedModels) {
                if (!ctx.models.containsKey(mounted.getModelId())) {
                    throw SimError.of("model_to_mount_no_longer_exists");
                }
            }
        }
        Map<String, List<byte[]>> inputs = Params.resolve(req.getParams(), defs.getEvaluateInput(), ctx.fixtures,
                "params");
        long startedAt = ctx.tick();
        ExecutionLocation location = location(m);
        long launcher = Launchers.needsNewLauncher(location) ? ctx.ids().nextLong(800, 5_000) : 0;
        long startup = ctx.ids().nextLong(300, 2_500);
        long instantiate = ctx.ids().nextLong(50, 1_500);
        String id = ctx.ids().uuid();
        Outcome outcome;
        if (state == null) {
            outcome = new Outcome(null, new EvaluationFailed().totalDuration(launcher + startup)
                    .durations(new EvaluationFailedDurations().createLauncher(launcher > 0 ? launcher : null)
                            .codeStartup(startup))
                    .executedOnLauncher(location)
                    .error(new EvaluationException().code("exception").at(EvaluationPhase.INSTANTIATE_MODEL)
                            .exceptionDetails("The model has no state yet: its initial state is being created.")));
        } else {
            long evaluate = ctx.ids().nextLong(5, 900);
            int batch = inputs.values().stream().findFirst().map(List::size).orElse(1);
            batch = Math.max(1, Math.min(MAX_BATCH, batch));
            List<DecthingsParameter> output = new ArrayList<>();
            for (DecthingsParameterDefinition def : defs.getEvaluateOutput()) {
                output.add(new DecthingsParameter().name(def.getName())
                        .data(TensorFactory.tensors(def.getRules(), batch, ctx.ids())));
            }
            EvaluationSuccessDurations d = new EvaluationSuccessDurations().codeStartup(startup)
                    .createInstantiatedModel(instantiate).evaluate(evaluate);
            if (launcher > 0) {
                d.createLauncher(launcher);
            }
            outcome = new Outcome(new EvaluationSuccess().totalDuration(launcher + startup + instantiate + evaluate)
                    .durations(d).executedOnLauncher(location).output(output), null);
        }
        long finishedAt = ctx.tick();
        m.evaluations.put(id, new EvaluationRecord(id, startedAt, finishedAt, outcome.success(), outcome.failed()));
        return outcome;
    }

    private ExecutionLocation location(ModelRecord m) {
        if (!m.usedPersistentLaunchers.isEmpty()) {
            String launcherId = m.usedPersistentLaunchers.get(0).getPersistentLauncherId();
            return new PersistentLauncherLocation().type("persistentLauncher").persistentLauncherId(launcherId)
                    .spec(MockJson.copy(ctx.fixtures.launcher(launcherId),
                            dev.modelapi.decthings.server.model.LauncherSpec.class));
        }
        return Launchers.temporary(m.launcherSpecs.getEvaluate());
    }

    List<FinishedEvaluation> finished(String modelId) {
        ModelRecord m = ctx.readable(modelId);
        List<FinishedEvaluation> out = new ArrayList<>();
        m.evaluations.values().forEach(e -> out.add(new FinishedEvaluation().id(e.id()).startedAt(e.startedAt())
                .finishedAt(e.finishedAt()).success(e.success() != null)));
        return out;
    }

    Outcome result(String modelId, String evaluationId) {
        EvaluationRecord e = evaluation(ctx.readable(modelId), evaluationId);
        return new Outcome(e.success() == null ? null : MockJson.copy(e.success(), EvaluationSuccess.class),
                e.failed() == null ? null : MockJson.copy(e.failed(), EvaluationFailed.class));
    }

    /** Every simulated evaluation has already finished: cancelling a known one changes nothing. */
    void cancel(String modelId, String evaluationId) {
        evaluation(ctx.readable(modelId), evaluationId);
    }

    void setUsedLaunchers(String modelId, List<UsedPersistentLauncher> launchers) {
        ModelRecord m = ctx.writable(modelId);
        if (m.basedOnSnapshot != null && Boolean.TRUE.equals(m.basedOnSnapshot.getNoLongerExists())) {
            throw SimError.of("snapshot_no_longer_exists");
        }
        List<UsedPersistentLauncher> copy = new ArrayList<>();
        for (UsedPersistentLauncher l : launchers) {
            ctx.fixtures.launcher(l.getPersistentLauncherId());
            copy.add(new UsedPersistentLauncher().persistentLauncherId(l.getPersistentLauncherId()).level(l.getLevel()));
        }
        m.usedPersistentLaunchers = copy;
        ctx.tick();
    }

    List<UsedPersistentLauncher> usedLaunchers(String modelId) {
        ModelRecord m = ctx.readable(modelId);
        List<UsedPersistentLauncher> out = new ArrayList<>();
        m.usedPersistentLaunchers.forEach(l -> out.add(new UsedPersistentLauncher()
                .persistentLauncherId(l.getPersistentLauncherId()).level(l.getLevel())));
        return out;
    }

    private static EvaluationRecord evaluation(ModelRecord m, String evaluationId) {
        EvaluationRecord e = evaluationId == null ? null : m.evaluations.get(evaluationId);
        if (e == null) {
            throw SimError.of("evaluation_not_found");
        }
        return e;
    }
}
