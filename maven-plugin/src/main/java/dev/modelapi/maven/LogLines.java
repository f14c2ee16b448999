package dev.modelapi.maven;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A {@link PrintStream} that hands every complete line to a consumer (Maven's log), so the conformance command's
 * console output appears in the build log line by line.
 */
final class LogLines extends OutputStream {

    private final Consumer<String> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private LogLines(Consumer<String> sink) {
        this.sink = sink;
    }

    static PrintStream to(Consumer<String> sink) {
        return new PrintStream(new LogLines(sink), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else if (b != '\r') {
            line.write(b);
        }
    }

    @Override
    public synchronized void flush() {
        // A partial line waits for its end: the command prints whole lines, and a flush mid-line must not split one.
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
    }

    private void emit() {
        sink.accept(line.toString(StandardCharsets.UTF_8));
        line.reset();
    }
}
