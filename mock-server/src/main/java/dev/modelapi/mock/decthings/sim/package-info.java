/**
 * The simulated Decthings Model API: {@link dev.modelapi.mock.decthings.sim.DecthingsSimulation} implements the
 * generated {@code ModelApi} over in-memory state ({@link dev.modelapi.mock.decthings.sim.SimContext}), deterministic
 * with the seed. Errors are raised as {@code SimError} and turned into each method's own response type.
 */
package dev.modelapi.mock.decthings.sim;
