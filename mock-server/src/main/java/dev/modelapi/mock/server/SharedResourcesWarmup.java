package dev.modelapi.mock.server;

import dev.modelapi.decthings.client.wire.BlobMapping;
import dev.modelapi.mock.decthings.DecthingsOperations;
import dev.modelapi.mock.recorded.RecordedMappings;
import dev.modelapi.mock.validation.SpecValidator;
import dev.modelapi.spec.ModelApiSpec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Builds what every mock in the JVM shares (the blob mapping, the operations' security, the shipped stubs, the two
 * request validators) on one background thread, in the order a starting mock needs them, while the starting thread
 * builds the simulations and Jetty. Each is a lazy per-JVM singleton: whoever asks first builds it and the other
 * waits, so nothing is built twice. Cuts the cold start of the jar (BENCHMARKS.md).
 */
final class SharedResourcesWarmup {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private SharedResourcesWarmup() {
    }

    static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        List<Runnable> steps = List.of(
                BlobMapping::load,
                DecthingsOperations::fromSpec,
                RecordedMappings::load,
                () -> RecordedMappings.load().parseAhead(),
                () -> SpecValidator.of(ModelApiSpec.PIECES),
                () -> SpecValidator.of(ModelApiSpec.DECTHINGS),
                // A first Decthings-style validation builds what the JSON-body shortcut builds on first use.
                () -> SpecValidator.of(ModelApiSpec.DECTHINGS).validateRequest("POST", "/v0/Model/getModels",
                        "application/json", "{}", Map.of()));
        Thread thread = new Thread(() -> {
            for (Runnable step : steps) {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    // The mock's own call of the same step fails with this error where it can report it.
                }
            }
        }, "modelapi-warmup");
        thread.setDaemon(true);
        thread.start();
    }
}
