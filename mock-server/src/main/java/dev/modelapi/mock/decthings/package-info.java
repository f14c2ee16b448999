/**
 * The Decthings endpoint {@code POST /v0/Model/{method}}: encodings (framed / JSON), credentials, body checks,
 * validation against the spec, and the dispatch of valid calls to the simulation through the generated server
 * interface. Every answer is one the spec declares.
 */
package dev.modelapi.mock.decthings;
