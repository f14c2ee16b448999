package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.server.model.ModelOwner;
import dev.modelapi.decthings.server.model.OrganizationModelOwner;
import dev.modelapi.decthings.server.model.UserModelOwner;
import dev.modelapi.mock.decthings.Caller;
import dev.modelapi.mock.sim.SeededIds;
import dev.modelapi.mock.sim.SimClock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All state of one Decthings simulation run (one seed). Not thread-safe by itself: {@link DecthingsSimulation}
 * holds its lock around every call, so each call sees and leaves a consistent state.
 */
final class SimContext {

    /** The mock's user: the owner in the spec's examples. */
    static final String USER_ID = "4d9f2b1e-7c3a-4e8d-b6f0-2a5c9e1d7b38";
    static final String USERNAME = "ada.lovelace";

    final long seed;
    private final SeededIds ids;
    private final SimClock clock = new SimClock();
    final Fixtures fixtures;
    private final Map<String, ModelRecord> modelsById = new LinkedHashMap<>();
    /** Every model by id, in creation order (read-only: change it through add/remove/renameModel). */
    final Map<String, ModelRecord> models = Collections.unmodifiableMap(modelsById);
    /** How many of the user's models have each name: keeps the name check O(1) with thousands of models. */
    private final Map<String, Integer> userModelNames = new HashMap<>();
    final Map<String, TrainingRecord> trainings = new LinkedHashMap<>();
    final String organizationId;

    SimContext(long seed) {
        this.seed = seed;
        this.ids = new SeededIds(seed, "decthings");
        this.fixtures = new Fixtures(new SeededIds(seed, "decthings-fixtures"));
        this.organizationId = new SeededIds(seed, "decthings-org").uuid();
    }

    SeededIds ids() {
        return ids;
    }

    SimClock clock() {
        return clock;
    }

    /** Lets a little virtual time pass (a seeded amount) and returns the new time: every change is timestamped. */
    long tick() {
        return clock.advance(ids.nextLong(20, 400));
    }

    ModelOwner userOwner() {
        return new UserModelOwner().type("user").userId(USER_ID).username(USERNAME);
    }

    ModelOwner organizationOwner() {
        return new OrganizationModelOwner().type("organization").organizationId(organizationId)
                .organizationName("Decthings Examples");
    }

    /** @throws SimError model_not_found if it does not exist or the caller cannot see it */
    ModelRecord readable(String modelId) {
        ModelRecord m = modelId == null ? null : models.get(modelId);
        if (m == null || !m.visibleTo(Caller.current())) {
            throw SimError.of("model_not_found");
        }
        return m;
    }

    /** @throws SimError model_not_found, or access_denied if the caller may only read it */
    ModelRecord writable(String modelId) {
        ModelRecord m = readable(modelId);
        if (!m.writableBy(Caller.current())) {
            throw SimError.of("access_denied");
        }
        return m;
    }

    void addModel(ModelRecord m) {
        modelsById.put(m.id, m);
        countName(m, +1);
    }

    void removeModel(ModelRecord m) {
        if (modelsById.remove(m.id) != null) {
            countName(m, -1);
        }
    }

    void renameModel(ModelRecord m, String name) {
        countName(m, -1);
        m.name = name;
        countName(m, +1);
    }

    /** True if another of the user's models (not {@code exceptModelId}) is called {@code name}. */
    boolean nameTaken(String name, String exceptModelId) {
        int count = userModelNames.getOrDefault(name, 0);
        ModelRecord except = exceptModelId == null ? null : modelsById.get(exceptModelId);
        if (except != null && except.ownedByUser && except.name.equals(name)) {
            count--;
        }
        return count > 0;
    }

    private void countName(ModelRecord m, int delta) {
        if (m.ownedByUser) {
            userModelNames.merge(m.name, delta, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    List<String> ongoingTrainings(String modelId) {
        List<String> out = new ArrayList<>();
        trainings.values().stream().filter(t -> t.modelId.equals(modelId) && t.running()).forEach(t -> out.add(t.id));
        return out;
    }
}
