package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelapi.conformance.checks.CheckId;
import dev.modelapi.conformance.checks.Findings;
import dev.modelapi.conformance.http.Call;
import dev.modelapi.conformance.http.Exchange;
import dev.modelapi.conformance.http.Intent;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.Api;
import dev.modelapi.conformance.spec.ApiOperation;
import dev.modelapi.conformance.spec.SpecCatalog;
import org.opentest4j.TestAbortedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Pieces download-progress WebSocket on models of the suite's own: one download followed to its end by two
 * listeners (every frame judged by {@link ProgressSequence}, both listeners see the same frames, then
 * {@code downloaded: true}; a listener that joins after the end sees no running download), and one download
 * canceled after its first frame (terminal status {@code CANCELED}; the cancel's answer and the model afterwards
 * show it neither downloading nor downloaded). Frames that arrive before the download is started are ignored, as
 * the AsyncAPI document allows a first frame with the current status.
 */
final class DownloadProgressFlow {

    static final String PROGRESS = "modelSpecificModelDownloadProgress";
    static final String CANCEL = "modelSpecificModelDownloadCancel";
    static final String DOWNLOAD = "modelSpecificModelDownload";
    static final long DOWNLOAD_TIMEOUT_MILLIS = 60_000;
    static final long GRACE_MILLIS = 500;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ConformanceRun run;
    private final SpecCatalog catalog = SpecCatalog.of(Api.PIECES);

    DownloadProgressFlow(ConformanceRun run) {
        this.run = run;
    }

    void run(FlowVerdicts verdicts) {
        CellVerdicts v = verdicts.of(CheckId.WS_PROGRESS);
        stateful = verdicts.of(CheckId.STATEFUL);
        answers = verdicts.of(CheckId.WRITE_ANSWER);
        if (run.config().readOnly()) {
            v.skipRest("read-only mode: following a download means starting one", PROGRESS, CANCEL);
            stateful.skipRest("read-only mode: canceling a download means starting one", CANCEL);
            answers.skipRest("read-only mode: canceling a download means starting one", CANCEL);
            return;
        }
        try {
            followDownload(v.at(PROGRESS), run.fixtures().throwawayPiecesModel("progress"));
        } catch (TestAbortedException e) {
            v.skip(PROGRESS, e.getMessage());
        }
        try {
            cancelDownload(v, run.fixtures().throwawayPiecesModel("cancel"));
        } catch (TestAbortedException e) {
            v.skip(CANCEL, e.getMessage());
        }
        stateful.skipRest("the download could not be canceled", CANCEL);
        answers.skipRest("the download could not be canceled", CANCEL);
    }

    private CellVerdicts stateful;
    private CellVerdicts answers;

    private void followDownload(Findings f, String id) {
        ProgressSocket opened = open(id, f);
        if (opened == null) {
            return;
        }
        ProgressSocket second = open(id, f);
        if (second == null) {
            opened.close();
            return;
        }
        try (ProgressSocket socket = opened; ProgressSocket other = second) {
            socket.drain(200);
            other.drain(0);
            Exchange started = call(DOWNLOAD, id, "download followed on the WebSocket");
            if (started.status() / 100 != 2) {
                throw new TestAbortedException("the download could not be started: " + started.responseSummary());
            }
            ProgressSequence sequence = new ProgressSequence();
            List<String> seen = new ArrayList<>();
            if (!collect(socket, sequence, f, DOWNLOAD_TIMEOUT_MILLIS, seen)) {
                return;
            }
            for (ProgressSocket.Event e : socket.drain(GRACE_MILLIS)) {
                if (e.isFrame()) {
                    sequence.accept(e.text(), f);
                }
            }
            sameFrames(other, seen, f);
            if ("COMPLETED".equals(sequence.terminal())) {
                JsonNode model = run.fixtures().awaitPiecesModel(id, m -> m.path("downloaded").asBoolean(false), 5_000);
                if (model == null) {
                    f.add("COMPLETED was sent but GET /model/{id} does not show downloaded: true",
                            "downloaded: true after COMPLETED", "downloaded: false");
                }
                lateListener(id, f);
            }
        }
    }

    /** A second listener, connected before the download started, receives the same frames as the first. */
    private void sameFrames(ProgressSocket other, List<String> expected, Findings f) {
        List<String> got = new ArrayList<>();
        long deadline = System.currentTimeMillis() + GRACE_MILLIS + 2_000;
        while (got.size() < expected.size()) {
            ProgressSocket.Event e = other.next(Math.max(1, deadline - System.currentTimeMillis()));
            if (e == null || !e.isFrame()) {
                break;
            }
            got.add(frameKey(e.text()));
        }
        f.examined();
        if (!got.equals(expected)) {
            f.add("two listeners of one download must see the same frames", expected.size() + " frames " + expected,
                    got.size() + " frames " + got);
        }
    }

    /** The status and percentage of a frame (what two listeners must agree on). */
    private static String frameKey(String text) {
        try {
            JsonNode frame = MAPPER.readTree(text);
            return frame.path("status").asText("?") + (frame.path("percentage").isNumber()
                    ? " " + frame.path("percentage").asDouble() : "");
        } catch (Exception e) {
            return text;
        }
    }

    /** A listener that connects after the download completed sees no running download. */
    private void lateListener(String id, Findings f) {
        ProgressSocket late = open(id, f);
        if (late == null) {
            return;
        }
        try (late) {
            f.examined();
            for (ProgressSocket.Event e : late.drain(GRACE_MILLIS)) {
                if (!e.isFrame()) {
                    continue;
                }
                String status = frameKey(e.text()).split(" ")[0];
                if (!"COMPLETED".equals(status)) {
                    f.add("a listener that joins after the download completed must not see a running download",
                            "no frame, or the current status COMPLETED", e.text());
                }
            }
        }
    }

    private void cancelDownload(CellVerdicts v, String id) {
        Findings f = v.at(CANCEL);
        ProgressSocket opened = open(id, f);
        if (opened == null) {
            return;
        }
        try (ProgressSocket socket = opened) {
            socket.drain(200);
            Exchange started = call(DOWNLOAD, id, "download to cancel");
            if (started.status() / 100 != 2) {
                throw new TestAbortedException("the download could not be started: " + started.responseSummary());
            }
            ProgressSequence sequence = new ProgressSequence();
            ProgressSocket.Event first = socket.next(10_000);
            if (first == null || !first.isFrame()) {
                f.examined();
                f.add("no progress frame within 10 s of starting the download", "INITIALIZED",
                        first == null ? "nothing" : first.closedBecause());
                return;
            }
            String status = sequence.accept(first.text(), f);
            if (status != null && ProgressSequence.TERMINAL.contains(status)) {
                v.skip(CANCEL, "the download ended (" + status + ") before it could be canceled");
                return;
            }
            Exchange canceled = call(CANCEL, id, "cancel the download");
            f.examined();
            if (canceled.status() / 100 != 2) {
                f.add("POST /model/{id}/download/cancel failed during a download", "200 with the Model",
                        canceled.responseSummary(), canceled);
            }
            if (!collect(socket, sequence, f, 10_000, new ArrayList<>())) {
                return;
            }
            if ("COMPLETED".equals(sequence.terminal())) {
                v.skip(CANCEL, "the download completed before the cancel took effect");
                stateful.skip(CANCEL, "the download completed before the cancel took effect");
                answers.skip(CANCEL, "the download completed before the cancel took effect");
            } else if (!"CANCELED".equals(sequence.terminal())) {
                f.add("a canceled download must end with CANCELED", "status CANCELED", "status " + sequence.terminal());
            } else {
                if (canceled.status() / 100 == 2) {
                    AnswerShows.judge(canceled.operation(), canceled, answers.at(CANCEL));
                }
                Findings fs = stateful.at(CANCEL);
                fs.examined();
                JsonNode model = run.fixtures().awaitPiecesModel(id, m -> true, 5_000);
                if (model == null || model.path("downloaded").asBoolean(false)
                        || model.path("downloading").asBoolean(false)) {
                    fs.add("a canceled download leaves the model neither downloaded nor downloading",
                            "downloaded: false, downloading: false", model == null ? "the model cannot be read"
                                    : "downloaded: " + model.get("downloaded") + ", downloading: "
                                    + model.get("downloading"));
                }
            }
        }
    }

    /** Reads frames (keys into {@code seen}) until a terminal status; false (with a finding) when none came in time. */
    private boolean collect(ProgressSocket socket, ProgressSequence sequence, Findings f, long timeoutMillis,
                            List<String> seen) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (sequence.terminal() == null) {
            long left = deadline - System.currentTimeMillis();
            ProgressSocket.Event e = left <= 0 ? null : socket.next(left);
            if (e == null || !e.isFrame()) {
                f.examined();
                f.add("no terminal status on the progress WebSocket", "COMPLETED, FAILED or CANCELED within "
                        + timeoutMillis / 1000 + " s", e == null ? "timed out" : e.closedBecause());
                return false;
            }
            sequence.accept(e.text(), f);
            seen.add(frameKey(e.text()));
        }
        return true;
    }

    private ProgressSocket open(String id, Findings f) {
        ApiOperation progress = catalog.operation(PROGRESS);
        String path = progress.concretePath(Map.of(progress.pathParameters().get(0), id));
        try {
            ProgressSocket socket = ProgressSocket.open(run.pieces().webSocketUrl(path), run.config().piecesAppId(),
                    Duration.ofSeconds(10));
            run.log().markExercised(progress);
            return socket;
        } catch (IllegalStateException e) {
            f.examined();
            f.add("the progress WebSocket of the suite's model cannot be opened",
                    "a WebSocket upgrade at " + run.pieces().webSocketUrl(path), e.getMessage());
            return null;
        }
    }

    private Exchange call(String operation, String id, String description) {
        ApiOperation op = catalog.operation(operation);
        return run.pieces().call(op, Map.of(op.pathParameters().get(0), id), null, Call.of(Intent.FLOW, description));
    }
}
