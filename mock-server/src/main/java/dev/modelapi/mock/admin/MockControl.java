package dev.modelapi.mock.admin;

import java.util.Map;
import java.util.OptionalLong;

/** What the admin API may do to a running mock. */
public interface MockControl {

    /** Resets the simulated state (both APIs, downloads, rate limit), with a new seed if given; returns the seed. */
    long resetSimulation(OptionalLong newSeed);

    /** Mode, seed, base URLs and the fixtures requests may refer to (persistent launchers, datasets). */
    Map<String, Object> describe();
}
