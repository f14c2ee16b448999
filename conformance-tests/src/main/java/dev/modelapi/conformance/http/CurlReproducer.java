package dev.modelapi.conformance.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@code curl} command that sends exactly the request of an exchange again. Secrets become environment variables
 * ({@code $CONFORMANCE_API_KEY}, {@code $CONFORMANCE_PIECES_APP_ID}); binary bodies are written to a file in the
 * reproducer directory, which the command names.
 */
public final class CurlReproducer {

    public static final String API_KEY_VARIABLE = "CONFORMANCE_API_KEY";
    public static final String APP_ID_VARIABLE = "CONFORMANCE_PIECES_APP_ID";

    private final Path directory;
    private final AtomicInteger counter = new AtomicInteger();

    /** @param directory where binary bodies go (created on first use) */
    public CurlReproducer(Path directory) {
        this.directory = directory;
    }

    public String render(Exchange e) {
        StringBuilder cmd = new StringBuilder("HEAD".equals(e.httpMethod()) ? "curl -sS -I"
                : "curl -sS -D - -X " + e.httpMethod()).append(' ').append(quote(e.url().toString()));
        for (Map.Entry<String, String> h : e.requestHeaders().entrySet()) {
            String value = h.getValue();
            if (h.getKey().equalsIgnoreCase("Authorization")) {
                boolean wrong = e.intent() == Intent.AUTH_WRONG;
                cmd.append(" -H ").append(wrong ? quote("Authorization: " + value)
                        : "\"Authorization: Bearer $" + API_KEY_VARIABLE + "\"");
            } else if (h.getKey().equalsIgnoreCase(PiecesCaller.APPLICATION_ID_HEADER)) {
                cmd.append(" -H \"").append(h.getKey()).append(": $").append(APP_ID_VARIABLE).append('"');
            } else {
                cmd.append(" -H ").append(quote(h.getKey() + ": " + value));
            }
        }
        if (e.requestBody() != null) {
            String contentType = e.requestContentType();
            if (contentType != null && contentType.startsWith("application/json")) {
                cmd.append(" --data-binary ").append(quote(new String(e.requestBody(), StandardCharsets.UTF_8)));
            } else {
                Path file = writeBody(e);
                cmd.append(" --data-binary @").append(quote(file.toString()));
                cmd.append(" -o ").append(quote(file.getFileName().toString().replace(".request.bin", ".response.bin")));
            }
        }
        return cmd.toString();
    }

    private Path writeBody(Exchange e) {
        try {
            Files.createDirectories(directory);
            String name = String.format("%s-%s-%03d.request.bin", e.operation().api().key(), e.operation().id(),
                    counter.incrementAndGet());
            Path file = directory.resolve(name);
            Files.write(file, e.requestBody());
            return file.toAbsolutePath();
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot write reproducer body", ex);
        }
    }

    /** POSIX shell single quoting. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }
}
