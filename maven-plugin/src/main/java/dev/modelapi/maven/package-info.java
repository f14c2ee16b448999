/**
 * The {@code modelapi} Maven goals: {@link dev.modelapi.maven.StartMockMojo start} the mock before the integration
 * tests, {@link dev.modelapi.maven.StopMockMojo stop} it after, and run the
 * {@link dev.modelapi.maven.ConformanceMojo conformance} suite as a build step. The goals are thin: the mock is
 * {@code dev.modelapi.mock.ModelApiMock} and the suite is the conformance jar's own command line, so a build and a
 * shell run behave the same.
 */
package dev.modelapi.maven;
