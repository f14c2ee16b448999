/**
 * Mock of the Decthings and Pieces OS Model APIs on one local port, built on WireMock 3.
 *
 * <p>{@link dev.modelapi.mock.ModelApiMock} is the embedded API (start, stop, base URLs, reset, reseed, WireMock's
 * own server); {@link dev.modelapi.mock.cli.MockMain} is the executable jar; {@link dev.modelapi.mock.junit} has the
 * JUnit 5 extension. See {@code mock-server/README.md}.
 */
package dev.modelapi.mock;
