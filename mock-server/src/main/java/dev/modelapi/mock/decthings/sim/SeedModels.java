package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.server.model.DecthingsElementType;
import dev.modelapi.decthings.server.model.DecthingsParameterDefinition;
import dev.modelapi.decthings.server.model.DecthingsTensorRules;
import dev.modelapi.decthings.server.model.ModelLanguage;
import dev.modelapi.decthings.server.model.ParameterDefinitions;
import dev.modelapi.decthings.server.model.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The public models every fresh simulation starts with, owned by the organization "Decthings Examples": something to
 * list, filter by owner, mount, copy and evaluate without creating anything first. The user owns nothing yet.
 */
final class SeedModels {

    private static final long DAY = 86_400_000L;

    private SeedModels() {
    }

    static void seed(SimContext ctx) {
        add(ctx, "mnist-digit-classifier", "Classifies 28×28 grayscale images of handwritten digits.",
                ModelLanguage.PYTHON, "image-classification", 60,
                new ParameterDefinitions()
                        .createState(new ArrayList<>())
                        .train(new ArrayList<>(List.of(def("images", 28L, 28L, DecthingsElementType.F32),
                                def("labels", 1L, null, DecthingsElementType.U8))))
                        .evaluateInput(new ArrayList<>(List.of(def("image", 28L, 28L, DecthingsElementType.F32))))
                        .evaluateOutput(new ArrayList<>(List.of(def("probabilities", 10L, null,
                                DecthingsElementType.F32)))));
        add(ctx, "review-sentiment", "Scores product reviews: a label and a confidence per review.",
                ModelLanguage.TYPESCRIPT, "text-classification", 30,
                new ParameterDefinitions()
                        .createState(new ArrayList<>())
                        .train(new ArrayList<>())
                        .evaluateInput(new ArrayList<>(List.of(def("text", -1L, null, DecthingsElementType.STRING))))
                        .evaluateOutput(new ArrayList<>(List.of(
                                def("label", -1L, null, DecthingsElementType.STRING),
                                def("confidence", -1L, null, DecthingsElementType.F32)))));
    }

    private static void add(SimContext ctx, String name, String description, ModelLanguage language, String task,
                            int daysAgo, ParameterDefinitions definitions) {
        String id = ctx.ids().uuid();
        long createdAt = ctx.clock().now() - daysAgo * DAY;
        ModelRecord m = new ModelRecord(id, name, createdAt, ctx.organizationOwner(), false);
        m.description = description;
        m.publicAccess = true;
        m.tags = new ArrayList<>(List.of(new Tag().tag("task").value(task)));
        m.language = language;
        m.wasm = false;
        m.image = ModelDefaults.image(language, id, ctx);
        m.definitions = definitions;
        m.launcherSpecs = ModelDefaults.launcherSpecs();
        m.maxDurations = ModelDefaults.maxDurations();
        m.filesystemMebibytes = ModelDefaults.FILESYSTEM_MEBIBYTES;
        byte[] weights = new byte[512];
        ctx.ids().nextBytes(weights);
        String stateId = ctx.ids().uuid();
        m.states.put(stateId, new StateRecord(stateId, "trained-v1", createdAt + DAY, List.of(), List.of(),
                Map.of("weights.bin", weights)));
        m.activeState = stateId;
        String snapshotId = ctx.ids().uuid();
        m.snapshots.put(snapshotId, new SnapshotRecord(snapshotId, "v1", createdAt + 2 * DAY, m,
                m.activeStateRecord()));
        ctx.addModel(m);
    }

    private static DecthingsParameterDefinition def(String name, Long dim0, Long dim1, DecthingsElementType type) {
        List<Long> shape = new ArrayList<>();
        shape.add(dim0);
        if (dim1 != null) {
            shape.add(dim1);
        }
        return new DecthingsParameterDefinition().name(name).required(true)
                .rules(new DecthingsTensorRules().shape(shape).allowedTypes(new ArrayList<>(List.of(type)))
                        .annotations(new ArrayList<>()));
    }
}
