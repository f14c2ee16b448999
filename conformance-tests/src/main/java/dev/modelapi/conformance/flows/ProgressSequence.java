package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.validation.SpecValidator;

import java.util.List;
import java.util.Set;

/**
 * Judges the frames of one download: each a {@code ModelDownloadProgress} (validated against the spec), in the
 * order of the AsyncAPI document — {@code INITIALIZED}, then {@code IN-PROGRESS} with non-decreasing
 * {@code percentage} (duplicates allowed, null percentages skipped), then exactly one terminal status and nothing
 * after it.
 */
public final class ProgressSequence {

    static final String SCHEMA = "ModelDownloadProgress";
    static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "CANCELED");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private enum State { START, INITIALIZED, IN_PROGRESS, TERMINAL }

    private final boolean observed;
    private State state = State.START;
    private Double last;
    private String terminal;
    private int index;

    /** The suite's judge: the socket was opened before the download started, so it sees every frame. */
    ProgressSequence() {
        this(false);
    }

    private ProgressSequence(boolean observed) {
        this.observed = observed;
    }

    /**
     * The validating proxy's judge of a socket it only watches: the client may have joined mid-download (the first
     * frame may be any status), may keep the socket for a second download (INITIALIZED after a terminal status
     * starts a new sequence), and may ask about an unknown model (one {@code UNKNOWN} frame).
     */
    public static ProgressSequence ofObservedTraffic() {
        return new ProgressSequence(true);
    }

    /** Judges one frame; findings go to {@code f}. Returns the status, or null when unreadable. */
    public String accept(String text, Findings f) {
        index++;
        f.examined();
        JsonNode frame;
        try {
            frame = MAPPER.readTree(text);
        } catch (Exception e) {
            f.add("frame " + index + " is not JSON", "a ModelDownloadProgress JSON object", text);
            return null;
        }
        List<String> problems = SpecValidator.of(Api.PIECES).valueProblems(SCHEMA, frame);
        if (!problems.isEmpty()) {
            f.add("frame " + index + " does not match " + SCHEMA, "a valid " + SCHEMA,
                    text + "\n" + String.join("\n", problems));
        }
        String status = frame.path("status").asText(null);
        if (status == null) {
            f.add("frame " + index + " has no status", "status: INITIALIZED | IN-PROGRESS | terminal", text);
            return null;
        }
        if (observed && state == State.START && !status.equals("INITIALIZED")) {
            // joined late: take the stream from where it is
            state = status.equals("UNKNOWN") || TERMINAL.contains(status) ? State.TERMINAL : State.IN_PROGRESS;
            terminal = state == State.TERMINAL ? status : null;
            return status;
        }
        if (observed && state == State.TERMINAL && status.equals("INITIALIZED")) {
            state = State.INITIALIZED; // a new download on the same socket
            last = null;
            terminal = null;
            return status;
        }
        if (state == State.TERMINAL) {
            f.add("frame " + index + " arrived after the terminal status " + terminal,
                    "exactly one terminal status, nothing after it", text);
            return status;
        }
        switch (status) {
            case "INITIALIZED" -> {
                if (state == State.IN_PROGRESS) {
                    f.add("frame " + index + ": INITIALIZED after IN-PROGRESS (out of order)",
                            "INITIALIZED first, then IN-PROGRESS", text);
                } else {
                    state = State.INITIALIZED;
                }
            }
            case "IN-PROGRESS" -> {
                if (state == State.START) {
                    f.add("frame " + index + ": IN-PROGRESS before INITIALIZED (out of order)",
                            "INITIALIZED first", text);
                }
                state = State.IN_PROGRESS;
                JsonNode p = frame.get("percentage");
                if (p != null && p.isNumber()) {
                    double value = p.asDouble();
                    if (value < 0 || value > 100) {
                        f.add("frame " + index + ": percentage out of 0..100", "0 ≤ percentage ≤ 100", text);
                    }
                    if (last != null && value < last) {
                        f.add("frame " + index + ": percentage decreased from " + last + " to " + value,
                                "non-decreasing percentage", text);
                    }
                    last = value;
                }
            }
            case "COMPLETED", "FAILED", "CANCELED" -> {
                if (state == State.START) {
                    f.add("frame " + index + ": terminal status " + status + " before INITIALIZED",
                            "INITIALIZED first", text);
                }
                state = State.TERMINAL;
                terminal = status;
            }
            default -> f.add("frame " + index + ": unexpected status " + status + " during a download",
                    "INITIALIZED, IN-PROGRESS, COMPLETED, FAILED or CANCELED", text);
        }
        return status;
    }

    String terminal() {
        return terminal;
    }

    boolean sawInitialized() {
        return state != State.START;
    }
}
