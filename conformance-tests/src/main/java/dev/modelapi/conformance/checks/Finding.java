package dev.modelapi.conformance.checks;

import dev.modelapi.conformance.http.Exchange;

/**
 * One thing a check found wrong.
 *
 * @param problem what is wrong, in one line
 * @param expected what the spec wants
 * @param actual what came back
 * @param exchange the exchange that shows it (null for non-HTTP findings, e.g. a WebSocket frame)
 * @param reproducer a command that reproduces it (curl), or null
 */
public record Finding(String problem, String expected, String actual, Exchange exchange, String reproducer) {
}
