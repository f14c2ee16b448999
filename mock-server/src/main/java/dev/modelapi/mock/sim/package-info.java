/** Determinism for both simulations: seeded ids and random values, a virtual clock. */
package dev.modelapi.mock.sim;
