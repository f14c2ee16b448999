package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.server.model.ExecutionLocation;
import dev.modelapi.decthings.server.model.ExecutionLocationProvider;
import dev.modelapi.decthings.server.model.LauncherSpec;
import dev.modelapi.decthings.server.model.PersistentLauncherLocation;
import dev.modelapi.decthings.server.model.PersistentLauncherLocationProvider;
import dev.modelapi.decthings.server.model.TemporaryLauncherLocation;
import dev.modelapi.decthings.server.model.TemporaryLauncherLocationProvider;
import dev.modelapi.mock.http.MockJson;

/** Where model code runs: the request's executionLocation turned into the response's, with launcher checks. */
final class Launchers {

    private Launchers() {
    }

    /** @throws SimError persistent_launcher_not_found */
    static ExecutionLocation resolve(ExecutionLocationProvider provider, Fixtures fixtures) {
        if (provider instanceof PersistentLauncherLocationProvider p) {
            LauncherSpec spec = fixtures.launcher(p.getPersistentLauncherId());
            return new PersistentLauncherLocation().type("persistentLauncher")
                    .persistentLauncherId(p.getPersistentLauncherId()).spec(MockJson.copy(spec, LauncherSpec.class));
        }
        TemporaryLauncherLocationProvider t = (TemporaryLauncherLocationProvider) provider;
        return new TemporaryLauncherLocation().type("temporaryLauncher")
                .spec(MockJson.copy(t.getSpec(), LauncherSpec.class));
    }

    /** A temporary launcher with the given spec (evaluate's default). */
    static ExecutionLocation temporary(LauncherSpec spec) {
        return new TemporaryLauncherLocation().type("temporaryLauncher").spec(MockJson.copy(spec, LauncherSpec.class));
    }

    /** Persistent launchers are already running: no launcher is created for the call. */
    static boolean needsNewLauncher(ExecutionLocation location) {
        return location instanceof TemporaryLauncherLocation;
    }
}
