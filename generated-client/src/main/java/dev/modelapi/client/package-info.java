/**
 * What both SDK clients share: the {@link dev.modelapi.client.RetryPolicy} a client is built with and the
 * {@link dev.modelapi.client.TransportException} a call throws when it could not reach the server.
 * {@code dev.modelapi.client.internal} holds the plumbing behind them and is not API.
 */
package dev.modelapi.client;
