package dev.modelapi.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A call did not get an HTTP answer: the connection was refused or reset, timed out, or TLS failed. Nothing is
 * known about whether the server acted on the request.
 *
 * <p>It is unchecked, so it passes through the generated API methods unchanged and is never confused with their
 * {@code ApiException}, which means the server <em>did</em> answer, with a status outside 2xx. An asynchronous call
 * completes exceptionally with it (wrapped in a {@link java.util.concurrent.CompletionException}); {@link #in}
 * finds it in either case.
 */
public final class TransportException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    private final String httpMethod;
    private final URI uri;

    /**
     * @param httpMethod the request's method, e.g. {@code POST}
     * @param uri        the request's URI (never holds credentials: the SDK sends keys in headers)
     * @param cause      what the JDK client threw
     */
    public TransportException(String httpMethod, URI uri, IOException cause) {
        super(httpMethod + " " + uri + " got no answer: " + describe(cause), Objects.requireNonNull(cause, "cause"));
        this.httpMethod = httpMethod;
        this.uri = uri;
    }

    /** The HTTP method of the request that failed. */
    public String httpMethod() {
        return httpMethod;
    }

    /** The URI of the request that failed. */
    public URI uri() {
        return uri;
    }

    /** The first {@code TransportException} in {@code failure}'s cause chain (itself included), if any. */
    public static Optional<TransportException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransportException te) {
                return Optional.of(te);
            }
        }
        return Optional.empty();
    }

    private static String describe(IOException cause) {
        String message = cause.getMessage();
        String kind = cause.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
