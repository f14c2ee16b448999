package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.server.model.DefaultLauncherSpecs;
import dev.modelapi.decthings.server.model.LauncherSpec;
import dev.modelapi.decthings.server.model.MaxDurationsSeconds;
import dev.modelapi.decthings.server.model.ModelImage;
import dev.modelapi.decthings.server.model.ModelLanguage;
import dev.modelapi.decthings.server.model.ParameterDefinitions;

import java.util.ArrayList;
import java.util.Map;

/** What a new model gets unless the request says otherwise: image per language, launchers, limits, filesystem. */
final class ModelDefaults {

    static final long FILESYSTEM_MEBIBYTES = 1024;
    static final String TARGET_DOMAIN = "registry.decthings.com";

    /** Base images per language: {domain, repository, reference}. */
    private static final Map<ModelLanguage, String[]> IMAGES = Map.of(
            ModelLanguage.PYTHON, new String[] {"docker.io", "library/python", "3.12-slim"},
            ModelLanguage.JAVASCRIPT, new String[] {"docker.io", "library/node", "20-slim"},
            ModelLanguage.TYPESCRIPT, new String[] {"docker.io", "library/node", "20-slim"},
            ModelLanguage.GO, new String[] {"docker.io", "library/golang", "1.22-bookworm"},
            ModelLanguage.RUST, new String[] {"docker.io", "library/rust", "1.80-slim"});

    private ModelDefaults() {
    }

    static ModelImage image(ModelLanguage language, String modelId, SimContext ctx) {
        String[] i = IMAGES.getOrDefault(language, IMAGES.get(ModelLanguage.PYTHON));
        return image(i[0], i[1], i[2], modelId, ctx);
    }

    static ModelImage image(String domain, String repository, String reference, String modelId, SimContext ctx) {
        return new ModelImage()
                .domain(domain).repository(repository).reference(reference)
                .digest("sha256:" + ctx.ids().hex(32))
                .targetDomain(TARGET_DOMAIN)
                .targetRepository("models/" + modelId)
                .targetReference(reference);
    }

    static DefaultLauncherSpecs launcherSpecs() {
        return new DefaultLauncherSpecs()
                .createState(new LauncherSpec().cpus(1.0).memoryMebibytes(1024L))
                .evaluate(new LauncherSpec().cpus(1.0).memoryMebibytes(1024L));
    }

    static MaxDurationsSeconds maxDurations() {
        return new MaxDurationsSeconds().codeStartup(180L).instantiateModel(180L).createState(3600L)
                .train(86_400L).evaluate(600L);
    }

    static ParameterDefinitions emptyDefinitions() {
        return new ParameterDefinitions().createState(new ArrayList<>()).train(new ArrayList<>())
                .evaluateInput(new ArrayList<>()).evaluateOutput(new ArrayList<>());
    }
}
