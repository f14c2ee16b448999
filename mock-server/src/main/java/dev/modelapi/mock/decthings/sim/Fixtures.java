package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.client.tensor.DecthingsTensor;
import dev.modelapi.decthings.server.model.LauncherSpec;
import dev.modelapi.decthings.server.model.LauncherSpecGpus;
import dev.modelapi.mock.sim.SeededIds;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The things outside the Model API that its calls refer to: persistent launchers and datasets. The first of each
 * has the id the spec's examples use (so the spec's request examples work against the simulation); the others get
 * ids from the seed. See {@code /__admin/modelapi/fixtures}.
 */
public final class Fixtures {

    /** The persistent launcher of the spec's examples (2 CPUs, 4 GiB). */
    public static final String EXAMPLE_LAUNCHER_ID = "3b8e1f4a-6c2d-4e9b-a5f7-1d0c8e2b6a34";
    /** The dataset of the spec's examples (product reviews). */
    public static final String EXAMPLE_DATASET_ID = "5f1e8d2c-7b3a-4c9e-8a6f-0d2b4e1c7a93";

    private final Map<String, LauncherSpec> launchers = new LinkedHashMap<>();
    private final Map<String, String> datasetNames = new LinkedHashMap<>();
    private final Map<String, Map<String, List<byte[]>>> datasets = new LinkedHashMap<>();

    Fixtures(SeededIds ids) {
        launchers.put(EXAMPLE_LAUNCHER_ID, new LauncherSpec().cpus(2.0).memoryMebibytes(4096L));
        launchers.put(ids.uuid(), new LauncherSpec().cpus(8.0).memoryMebibytes(32_768L)
                .gpus(new LauncherSpecGpus().model("L4").count(1L)));

        Map<String, List<byte[]>> reviews = new LinkedHashMap<>();
        reviews.put("reviews", List.of(DecthingsTensor.string(new String[] {"Great product, works as advertised.",
                "Stopped working after two days.", "It is fine."}, 3).serialize()));
        reviews.put("vocab", List.of(DecthingsTensor.string(new String[] {"great", "product", "works", "stopped",
                "fine"}, 5).serialize()));
        reviews.put("labels", List.of(DecthingsTensor.i64(new long[] {2, 0, 1}, 3).serialize()));
        datasets.put(EXAMPLE_DATASET_ID, reviews);
        datasetNames.put(EXAMPLE_DATASET_ID, "product-reviews");

        Map<String, List<byte[]>> digits = new LinkedHashMap<>();
        float[] pixels = new float[28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) ids.nextDouble();
        }
        digits.put("images", List.of(DecthingsTensor.f32(pixels, 28, 28).serialize(),
                DecthingsTensor.f32(pixels, 28, 28).serialize()));
        digits.put("labels", List.of(DecthingsTensor.u8(new short[] {7}, 1).serialize(),
                DecthingsTensor.u8(new short[] {2}, 1).serialize()));
        String digitsId = ids.uuid();
        datasets.put(digitsId, digits);
        datasetNames.put(digitsId, "handwritten-digits");
    }

    /** Persistent launcher id → its spec. */
    public Map<String, LauncherSpec> launchers() {
        return Collections.unmodifiableMap(launchers);
    }

    /** Dataset id → name. */
    public Map<String, String> datasetNames() {
        return Collections.unmodifiableMap(datasetNames);
    }

    /** Dataset id → its keys. */
    public Map<String, List<String>> datasetKeys() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        datasets.forEach((id, keys) -> out.put(id, List.copyOf(keys.keySet())));
        return out;
    }

    /**
     * The tensors stored under a dataset key.
     *
     * @throws SimError dataset_not_found / dataset_key_not_found
     */
    List<byte[]> dataset(String datasetId, String key) {
        Map<String, List<byte[]>> keys = datasets.get(datasetId);
        if (keys == null) {
            throw SimError.datasetNotFound(datasetId);
        }
        List<byte[]> tensors = keys.get(key);
        if (tensors == null) {
            throw SimError.datasetKeyNotFound(datasetId, key);
        }
        return tensors;
    }

    /** @throws SimError persistent_launcher_not_found */
    LauncherSpec launcher(String id) {
        LauncherSpec spec = launchers.get(id);
        if (spec == null) {
            throw SimError.of("persistent_launcher_not_found");
        }
        return spec;
    }
}
