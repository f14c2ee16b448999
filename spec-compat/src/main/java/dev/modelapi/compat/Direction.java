package dev.modelapi.compat;

/** Who sends a schema: what is safe to change depends on it. */
enum Direction {
    /** The client sends it (request bodies, parameters): the server must keep accepting what it accepted. */
    REQUEST,
    /** The server sends it (responses, WebSocket messages): clients must keep understanding what they get. */
    RESPONSE
}
