/**
 * Plumbing of the SDK clients, not API: the layers between the generated API classes and the JDK
 * {@link java.net.http.HttpClient} (retries, transport-failure translation, response buffering). Its classes are
 * public only because both clients' packages use them; they may change without notice.
 */
package dev.modelapi.client.internal;
