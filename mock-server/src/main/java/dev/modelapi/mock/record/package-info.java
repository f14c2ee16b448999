/**
 * Recording: {@code --record-from URL --record-to DIR} proxies every request to a real deployment and writes WireMock
 * mapping files in which framed Decthings bodies are stored decoded, so that they replay in either encoding.
 *
 * <h2>Wiring it in (core CLI / embedded API)</h2>
 * <pre>{@code
 * if (settings.recording()) {
 *     ModelApiRecorder recorder = ModelApiRecorder.start(settings);   // own WireMock server on bind:port
 *     System.out.println("Recording " + recorder.target() + " through " + recorder.baseUrl() + " into " + dir);
 *     ...                                                               // serve until stopped
 *     recorder.close();                                                 // stop() (writes the files) + stop the server
 * }
 * }</pre>
 * The recorder also registers a JVM shutdown hook that writes the files ({@code stop()} is idempotent), so Ctrl-C or
 * SIGTERM does not lose a recording even if the caller's own shutdown path does not reach {@code close()}.
 * The recorder runs <em>instead of</em> the simulation: it is a plain WireMock 3.13 server (no request decoding, no
 * validation, no body cap), so the real deployment receives exactly the client's bytes. It uses WireMock's own
 * recorder ({@code startRecording(recordSpec().forTarget(origin)…)}, {@code stopRecording()}, the admin API
 * {@code /__admin/recordings/…} works too) with the global {@link dev.modelapi.mock.record.DecthingsRecordingTransformer}.
 * Mappings are persisted by WireMock into {@code DIR/mappings/} when recording stops; bodies are always inline (no
 * {@code __files}); repeated identical requests become a WireMock scenario (WireMock's default); request bodies are
 * matched exactly ({@code equalToJson} without {@code ignoreExtraElements}/{@code ignoreArrayOrder}).
 * {@code --record-from} is an origin ({@code https://api.decthings.com}, {@code http://localhost:39300}); a trailing
 * {@code /v0} is dropped because the mock's Decthings paths already start with {@code /v0}.
 *
 * <h2>A recorded Decthings mapping ({@code POST /v0/Model/{method}})</h2>
 * <pre>{@code
 * {
 *   "request":  { "url": "/v0/Model/getModelState", "method": "POST",
 *                 "bodyPatterns": [ { "equalToJson": { "modelId": "…", "keys": ["weights.pt"] },
 *                                     "ignoreArrayOrder": false, "ignoreExtraElements": false } ] },
 *   "response": { "status": 200,
 *                 "jsonBody": { "result": { "data": [ { "key": "weights.pt", "data": "AQID" } ] } },
 *                 "headers": { "Content-Type": "application/json", … },
 *                 "transformerParameters": { "modelapi": { "api": "decthings", "role": "canned",
 *                                                          "operation": "getModelState" } } },
 *   "metadata": { "modelapi": { "kind": "recorded", "api": "decthings", "operation": "getModelState",
 *                               "decthings": "logical", "recordedEncoding": "framed",
 *                               "recordedFrom": "https://api.decthings.com" } }
 * }
 * }</pre>
 * <ul>
 *   <li>Bodies are the <b>logical JSON</b> of the spec's {@code application/json} content: a framed request/response
 *       is decoded with the SDK's {@code RequestFrame}/{@code ResponseFrame} and put back together with
 *       {@code BlobMapping.load().forMethod(m).joinRequest/joinResponse} ({@code x-decthings-blobs}), blobs as
 *       base64 at their paths.</li>
 *   <li>{@code metadata.modelapi.decthings = "logical"} marks such a mapping; {@code recordedEncoding} says what the
 *       client spoke ({@code framed}, {@code json}, {@code none}; {@code other} for a body sent without a binary or JSON
 *       {@code Content-Type}, which WireMock records as text and which is kept as recorded — the official clients
 *       always send {@code application/octet-stream}). If a framed body cannot be decoded, the mapping is
 *       kept byte-exact as WireMock recorded it, with {@code decthings = "raw"} and {@code decodeError}.</li>
 *   <li>Replay (the core mock, {@code --mappings DIR}): its framed-request filter decodes a framed request into the logical
 *       JSON before stub matching, so {@code equalToJson} matches clients of both encodings; the
 *       {@code transformerParameters.modelapi} ({@code role: canned}) make its Decthings handler send the logical
 *       {@code jsonBody} framed (blobs split out again) to {@code application/octet-stream} clients and as is to JSON
 *       clients.</li>
 *   <li>Pieces mappings are left as WireMock records them, plus {@code metadata.modelapi} {@code kind}/{@code api}.
 *       The download-progress WebSocket is not proxied or recorded.</li>
 * </ul>
 */
package dev.modelapi.mock.record;
