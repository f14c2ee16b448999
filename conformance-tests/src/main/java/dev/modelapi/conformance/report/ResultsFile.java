package dev.modelapi.conformance.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code conformance-results.json}: the machine-readable result of a run, written by the suite and read by the CLI
 * for its table and failure list.
 */
public record ResultsFile(String started, String configuration, List<Target> targets, Summary summary,
                          List<Cell> cells, List<String> neverExercised, List<String> cleanup) {

    public static final String NAME = "conformance-results.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public record Target(String api, String url, boolean embedded) {
    }

    public record Summary(long passed, long failed, long skipped, long notCovered) {
        public String line() {
            return RunResults.summaryLine(passed, failed, skipped);
        }
    }

    /** One operation × check. {@code status} is an {@link OutcomeStatus} name. */
    public record Cell(String api, String operation, String check, String status, String message,
                       List<FindingEntry> findings, long millis) {
    }

    public record FindingEntry(String problem, String expected, String actual, String request, String reproducer) {
    }

    public void write(Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), this);
    }

    public static ResultsFile read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), ResultsFile.class);
    }
}
