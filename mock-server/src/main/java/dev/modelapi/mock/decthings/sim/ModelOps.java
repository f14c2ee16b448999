package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.server.model.BasedOnSnapshot;
import dev.modelapi.decthings.server.model.CreateInitialStateSuccessDurations;
import dev.modelapi.decthings.server.model.CreateModelBasedOnModelSnapshotOptions;
import dev.modelapi.decthings.server.model.CreateModelCodeOptions;
import dev.modelapi.decthings.server.model.CreateModelFromExistingOptions;
import dev.modelapi.decthings.server.model.CreateModelInitialStateCreate;
import dev.modelapi.decthings.server.model.CreateModelInitialStateUpload;
import dev.modelapi.decthings.server.model.CreateModelRequest;
import dev.modelapi.decthings.server.model.CreateModelResult;
import dev.modelapi.decthings.server.model.CreateModelSuccess;
import dev.modelapi.decthings.server.model.CreateModelUploadOptions;
import dev.modelapi.decthings.server.model.DefaultLauncherSpecs;
import dev.modelapi.decthings.server.model.GetFilesystemUsageResult;
import dev.modelapi.decthings.server.model.MaxDurationsSeconds;
import dev.modelapi.decthings.server.model.ModelImage;
import dev.modelapi.decthings.server.model.ModelLanguage;
import dev.modelapi.decthings.server.model.ParameterDefinitions;
import dev.modelapi.decthings.server.model.SetImageRequest;
import dev.modelapi.decthings.server.model.StateKeyData;
import dev.modelapi.decthings.server.model.UpdateDefaultLauncherSpecs;
import dev.modelapi.decthings.server.model.UpdateModelProperties;
import dev.modelapi.decthings.server.model.WaitForModelToBeCreatedResult;
import dev.modelapi.mock.http.MockJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** createModel, waitForModelToBeCreated, deleteModel, updateModel, setFilesystemSize, getFilesystemUsage, setImage. */
final class ModelOps {

    /** Registries setImage can pull from; anything else is image_not_found. */
    static final Set<String> KNOWN_REGISTRIES = Set.of("docker.io", "ghcr.io", "quay.io", "registry.decthings.com",
            "gcr.io", "public.ecr.aws");
    /** The largest filesystem the simulated account may have (1 TiB); above: quota_exceeded. */
    static final long MAX_FILESYSTEM_MEBIBYTES = 1L << 20;

    private final SimContext ctx;

    ModelOps(SimContext ctx) {
        this.ctx = ctx;
    }

    CreateModelResult create(CreateModelRequest req) {
        if (ctx.nameTaken(req.getName(), null)) {
            throw SimError.of("name_already_used");
        }
        long now = ctx.tick();
        String id = ctx.ids().uuid();
        ModelRecord m = new ModelRecord(id, req.getName(), now, ctx.userOwner(), true);
        m.description = req.getDescription();
        m.publicAccess = Boolean.TRUE.equals(req.getPublicAccess());
        m.filesystemMebibytes = ModelDefaults.FILESYSTEM_MEBIBYTES;
        m.launcherSpecs = ModelDefaults.launcherSpecs();
        m.maxDurations = ModelDefaults.maxDurations();
        boolean creating = false;
        if (req.getOptions() instanceof CreateModelCodeOptions code) {
            m.tags = ModelRecord.copyTags(code.getTags());
            m.language = code.getLanguage();
            m.wasm = Boolean.TRUE.equals(code.getWasm());
            m.definitions = definitionsOrEmpty(code.getParameterDefinitions());
            m.image = ModelDefaults.image(m.language, id, ctx);
            addEmptyState(m, now);
        } else if (req.getOptions() instanceof CreateModelUploadOptions upload) {
            m.tags = ModelRecord.copyTags(upload.getTags());
            // Uploaded ONNX/TFLite models run on Decthings' own runtime, compiled to WebAssembly.
            m.language = ModelLanguage.RUST;
            m.wasm = true;
            m.definitions = definitionsOrEmpty(upload.getParameterDefinitions());
            m.image = ModelDefaults.image(m.language, id, ctx);
            addEmptyState(m, now);
        } else if (req.getOptions() instanceof CreateModelBasedOnModelSnapshotOptions based) {
            creating = fromSnapshot(m, based, now);
        } else {
            fromExisting(m, (CreateModelFromExistingOptions) req.getOptions(), now);
        }
        ctx.addModel(m);
        return new CreateModelResult().modelId(id).isNowCreating(creating);
    }

    private boolean fromSnapshot(ModelRecord m, CreateModelBasedOnModelSnapshotOptions o, long now) {
        ModelRecord source = ctx.readable(o.getModelId());
        SnapshotRecord snap = source.snapshots.get(o.getSnapshotId());
        if (snap == null) {
            throw SimError.of("snapshot_not_found");
        }
        copyConfiguration(m, source, snap);
        m.tags = o.getTags() != null ? ModelRecord.copyTags(o.getTags()) : ModelRecord.copyTags(source.tags);
        m.basedOnSnapshot = new BasedOnSnapshot().modelId(source.id).snapshotId(snap.id).noLongerExists(false);
        String stateId = ctx.ids().uuid();
        if (o.getInitialState() instanceof CreateModelInitialStateCreate create) {
            Params.resolve(create.getParams(), snap.definitions.getCreateState(), ctx.fixtures,
                    "options.initialState.params");
            byte[] weights = new byte[128];
            ctx.ids().nextBytes(weights);
            m.creation = new ModelRecord.Creation(stateId, create.getName(), now, Map.of("state.bin", weights));
            m.activeState = stateId;
            return true;
        }
        if (o.getInitialState() instanceof CreateModelInitialStateUpload upload) {
            Map<String, byte[]> data = new LinkedHashMap<>();
            for (StateKeyData d : upload.getData()) {
                data.put(d.getKey(), d.getData());
            }
            m.creation = new ModelRecord.Creation(stateId, upload.getName(), now, data);
            m.activeState = stateId;
            return true;
        }
        m.states.put(stateId, new StateRecord(stateId, snap.stateName, now, List.of(), snap.mountedModels,
                snap.stateData));
        m.activeState = stateId;
        return false;
    }

    private void fromExisting(ModelRecord m, CreateModelFromExistingOptions o, long now) {
        ModelRecord source = ctx.readable(o.getModelId());
        SnapshotRecord snap = null;
        if (o.getSnapshotId() != null) {
            snap = source.snapshots.get(o.getSnapshotId());
            if (snap == null) {
                throw SimError.of("snapshot_not_found");
            }
        }
        m.tags = o.getTags() != null ? ModelRecord.copyTags(o.getTags()) : ModelRecord.copyTags(source.tags);
        String stateId = ctx.ids().uuid();
        if (snap != null) {
            copyConfiguration(m, source, snap);
            m.states.put(stateId, new StateRecord(stateId, snap.stateName, now, List.of(), snap.mountedModels,
                    snap.stateData));
        } else {
            m.language = source.language;
            m.wasm = source.wasm;
            m.image = MockJson.copy(source.image, ModelImage.class);
            m.image.setTargetRepository("models/" + m.id);
            m.definitions = MockJson.copy(source.definitions, ParameterDefinitions.class);
            m.launcherSpecs = MockJson.copy(source.launcherSpecs, DefaultLauncherSpecs.class);
            m.maxDurations = MockJson.copy(source.maxDurations, MaxDurationsSeconds.class);
            m.filesystemMebibytes = source.filesystemMebibytes;
            StateRecord active = source.activeStateRecord();
            m.states.put(stateId, new StateRecord(stateId, active.name, now, active.trainingOperations,
                    active.mountedModels, active.data));
        }
        m.activeState = stateId;
    }

    private void copyConfiguration(ModelRecord m, ModelRecord source, SnapshotRecord snap) {
        m.language = source.language;
        m.wasm = source.wasm;
        m.image = new ModelImage().domain(snap.image.getDomain()).repository(snap.image.getRepository())
                .reference(snap.image.getReference()).digest(snap.image.getDigest())
                .targetDomain(ModelDefaults.TARGET_DOMAIN).targetRepository("models/" + m.id)
                .targetReference(snap.image.getReference());
        m.definitions = MockJson.copy(snap.definitions, ParameterDefinitions.class);
        m.launcherSpecs = MockJson.copy(snap.launcherSpecs, DefaultLauncherSpecs.class);
        m.maxDurations = MockJson.copy(snap.maxDurations, MaxDurationsSeconds.class);
        m.filesystemMebibytes = snap.filesystemMebibytes;
    }

    private void addEmptyState(ModelRecord m, long now) {
        String stateId = ctx.ids().uuid();
        m.states.put(stateId, new StateRecord(stateId, "Initial state", now, List.of(), List.of(), Map.of()));
        m.activeState = stateId;
    }

    private static ParameterDefinitions definitionsOrEmpty(ParameterDefinitions d) {
        return d == null ? ModelDefaults.emptyDefinitions() : MockJson.copy(d, ParameterDefinitions.class);
    }

    /** The creation of the initial state finishes now (the simulation does not make callers wait). */
    WaitForModelToBeCreatedResult waitForCreated(String modelId) {
        ModelRecord m = ctx.readable(modelId);
        if (m.creation == null) {
            throw SimError.of("model_already_created");
        }
        finishCreation(m);
        return new WaitForModelToBeCreatedResult().createModelSuccess(new CreateModelSuccess()
                .createInitialStateDurations(new CreateInitialStateSuccessDurations()
                        .createLauncher(ctx.ids().nextLong(1_000, 5_000))
                        .codeStartup(ctx.ids().nextLong(500, 3_000))
                        .createState(ctx.ids().nextLong(500, 8_000))));
    }

    void finishCreation(ModelRecord m) {
        ModelRecord.Creation c = m.creation;
        m.states.put(c.stateId(), new StateRecord(c.stateId(), c.stateName(), ctx.tick(), List.of(), List.of(),
                c.data()));
        m.activeState = c.stateId();
        m.creation = null;
    }

    void delete(String modelId) {
        ModelRecord m = ctx.writable(modelId);
        ctx.removeModel(m);
        ctx.trainings.values().removeIf(t -> t.modelId.equals(m.id));
        // Models based on one of its snapshots keep working, but now say that the snapshot is gone.
        for (ModelRecord other : ctx.models.values()) {
            if (other.basedOnSnapshot != null && other.basedOnSnapshot.getModelId().equals(m.id)) {
                other.basedOnSnapshot = ModelRecord.snapshotGone(other.basedOnSnapshot);
            }
        }
        ctx.tick();
    }

    void update(String modelId, UpdateModelProperties p) {
        ModelRecord m = ctx.writable(modelId);
        if (p.getName() != null && !p.getName().equals(m.name) && ctx.nameTaken(p.getName(), m.id)) {
            throw SimError.of("name_already_used");
        }
        if (p.getName() != null) {
            ctx.renameModel(m, p.getName());
        }
        if (p.getDescription() != null) {
            m.description = p.getDescription();
        }
        if (p.getPublicAccess() != null) {
            m.publicAccess = p.getPublicAccess();
        }
        if (p.getTags() != null) {
            m.tags = ModelRecord.copyTags(p.getTags());
        }
        if (p.getParameterDefinitions() != null) {
            m.definitions = MockJson.copy(p.getParameterDefinitions(), ParameterDefinitions.class);
        }
        if (p.getDefaultLauncherSpecs() != null) {
            UpdateDefaultLauncherSpecs given = p.getDefaultLauncherSpecs();
            m.launcherSpecs = new DefaultLauncherSpecs()
                    .createState(given.getCreateState() != null ? given.getCreateState()
                            : m.launcherSpecs.getCreateState())
                    .evaluate(given.getEvaluate() != null ? given.getEvaluate() : m.launcherSpecs.getEvaluate());
        }
        if (p.getMaxDurationsSeconds() != null) {
            m.maxDurations = MockJson.copy(p.getMaxDurationsSeconds(), MaxDurationsSeconds.class);
        }
        ctx.tick();
    }

    void setFilesystemSize(String modelId, long mebibytes) {
        ModelRecord m = ctx.writable(modelId);
        if (mebibytes > MAX_FILESYSTEM_MEBIBYTES) {
            throw SimError.of("quota_exceeded");
        }
        if (mebibytes * (1L << 20) < m.usedBytes()) {
            throw SimError.of("not_enough_space");
        }
        m.filesystemMebibytes = mebibytes;
        ctx.tick();
    }

    GetFilesystemUsageResult filesystemUsage(String modelId) {
        ModelRecord m = ctx.readable(modelId);
        long blockSize = 4096;
        long total = m.filesystemMebibytes * (1L << 20) / blockSize;
        long used = Math.min(total, (m.usedBytes() + blockSize - 1) / blockSize);
        long inodes = m.filesystemMebibytes * 64;
        long usedInodes = Math.min(inodes, 1_200 + m.states.size() * 4L);
        return new GetFilesystemUsageResult().blockSize(blockSize).totalBlocks(total).freeBlocks(total - used)
                .totalInodes(inodes).freeInodes(inodes - usedInodes);
    }

    void setImage(SetImageRequest req) {
        ModelRecord m = ctx.writable(req.getModelId());
        if (!KNOWN_REGISTRIES.contains(req.getDomain()) || req.getRepository().isBlank()
                || req.getReference().isBlank()) {
            throw SimError.of("image_not_found");
        }
        m.image = ModelDefaults.image(req.getDomain(), req.getRepository(), req.getReference(), m.id, ctx);
        ctx.tick();
    }
}
