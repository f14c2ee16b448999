/**
 * How the mock plugs into WireMock: every piece of API behaviour is a WireMock extension assembled by
 * {@link dev.modelapi.mock.server.MockAssembly}.
 *
 * <p>A request's path through the mock:
 * <ol>
 *   <li>{@link dev.modelapi.mock.server.BodyGuardFilter} (servlet filter on WireMock's Jetty): caps and buffers the
 *       body, decodes gzip; its {@link dev.modelapi.mock.server.BufferedRequest} hands WireMock bodies that WireMock
 *       would un-gzip on sight gzipped once more.</li>
 *   <li>{@link dev.modelapi.mock.server.FramedRequestFilter} (servlet filter on {@code /v0/*}): decodes framed
 *       Decthings bodies to their logical JSON, so stubs and the journal see JSON.</li>
 *   <li>WireMock matches a stub: a shipped example stub ({@code Prefer}), a user stub, a recorded default, or one of
 *       the two catch-alls loaded by {@link dev.modelapi.mock.server.ApiStubsLoader}.</li>
 *   <li>{@link dev.modelapi.mock.server.ModelApiTransformer} ({@code ResponseDefinitionTransformerV2}): rate limit,
 *       fault, the API's handler (validation, auth, canned or simulated answer, encoding), delay.</li>
 *   <li>{@link dev.modelapi.mock.validation.ConformanceListener} ({@code ServeEventListener}), when enabled, validates
 *       the response before it is sent.</li>
 * </ol>
 * The Pieces progress WebSocket is installed on the same Jetty context through
 * {@link dev.modelapi.mock.server.ServletContextCustomizer}.
 */
package dev.modelapi.mock.server;
