/**
 * The Pieces OS download-progress WebSocket, {@code ws://<bind>:<port>/model/{model}/download/progress}, served by
 * WireMock's own Jetty 11 on the same connector (bind address and port) as the HTTP API.
 *
 * <h2>Wiring it in (core mock server)</h2>
 * <pre>{@code
 * DownloadManager downloads = DownloadManager.builder().seed(seed).build();          // real time, 250 ms ticks
 * PiecesProgressWebSocket ws = new PiecesProgressWebSocket(downloads, catalogue::contains);
 *
 * // the mock's own Jetty 11 server calls install from its context hook
 * WireMockConfiguration options = wireMockConfig().bindAddress(bind).port(port)
 *         .httpServerFactory(new MockHttpServerFactory(maxBodyBytes, blobMapping, List.of(ws::install)));
 * }</pre>
 * The hook runs <em>inside</em> {@code JettyHttpServer}'s constructor, before the subclass's own fields are
 * assigned: reach {@code ws} through an enclosing instance (anonymous or inner class) or a value captured before the
 * {@code super(…)} call, not through a field of the subclass.
 *
 * <p>The REST side uses the same {@code DownloadManager}: {@code POST /model/{id}/download} → {@code start(id)},
 * {@code …/download/cancel} → {@code cancel(id)}, {@code Model.downloading}/{@code downloaded} ←
 * {@code status(id)}, seeded downloaded models → {@code markDownloaded(id)}, admin reset → {@code reset()} (then
 * re-seed). A plain {@code GET /model/{id}/download/progress} without {@code Upgrade: websocket} is <em>not</em>
 * intercepted: it reaches WireMock, whose Pieces handler answers {@code 200 application/json} with
 * {@code downloads.snapshotJson(id)} (as the spec declares for that GET).
 *
 * <h2>Behaviour</h2>
 * <ul>
 *   <li>Text frames, one {@code ModelDownloadProgress} JSON object each; {@code INITIALIZED}, then non-decreasing
 *       {@code IN-PROGRESS} with {@code percentage}, then exactly one of {@code COMPLETED}, {@code FAILED},
 *       {@code CANCELED} per download (see {@link dev.modelapi.mock.pieces.download.DownloadManager}).</li>
 *   <li>The socket may be opened before the download starts; it stays open while idle and after a terminal frame
 *       (a new download of the model is reported on it). The server never closes a socket of a known model; there is
 *       no idle timeout by default ({@link dev.modelapi.mock.pieces.ws.PiecesProgressWebSocket#idleTimeout}).</li>
 *   <li>Connecting during a download first sends its latest frame; connecting while no download runs sends nothing.</li>
 *   <li>No authentication. Anything the client sends is ignored.</li>
 *   <li><b>Unknown model id</b> (the catalogue predicate says no): the upgrade succeeds (an HTTP error status would
 *       be undeclared for this GET and would look like a network error to WebSocket clients), the server sends one
 *       frame {@code {"schema":…,"status":"UNKNOWN"}} — a status every public Pieces client treats as terminal — and
 *       closes with code {@value dev.modelapi.mock.pieces.ws.PiecesProgressWebSocket#CLOSE_MODEL_NOT_FOUND}
 *       (application range 4000 + HTTP 410) and reason {@code "model was not found."}, the REST API's 410 text.</li>
 * </ul>
 */
package dev.modelapi.mock.pieces.ws;
