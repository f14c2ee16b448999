package dev.modelapi.conformance.http;

import dev.modelapi.conformance.config.Transport;

/**
 * How to send one request.
 *
 * @param intent why it is sent
 * @param description what it is, for messages
 * @param field the broken field of a negative request, else null
 * @param auth which credentials to send
 * @param transport Decthings transport override, or null for the configured one
 */
public record Call(Intent intent, String description, String field, AuthMode auth, Transport transport) {

    public static Call of(Intent intent, String description) {
        return new Call(intent, description, null, AuthMode.CONFIGURED, null);
    }

    public static Call negative(String description, String field) {
        return new Call(Intent.NEGATIVE, description, field, AuthMode.CONFIGURED, null);
    }

    public Call withAuth(AuthMode mode) {
        return new Call(intent, description, field, mode, transport);
    }

    public Call withTransport(Transport t) {
        return new Call(intent, description, field, auth, t);
    }
}
