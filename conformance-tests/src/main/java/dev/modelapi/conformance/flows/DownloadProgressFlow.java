package dev.modelapi.conformance.flows;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;

/**
 * The Pieces download-progress WebSocket on models of the suite's own: one download followed to its end (every frame
 * judged by {@link ProgressSequence}, then {@code downloaded: true}), and one download canceled after its first frame
 * (terminal status {@code CANCELED}). Frames that arrive before the download is started are ignored, as the AsyncAPI
 * document allows a first frame with the current status.
 */
final class DownloadProgressFlow {

    static final String PROGRESS = "modelSpecificModelDownloadProgress";
    static final String CANCEL = "modelSpecificModelDownloadCancel";
    static final String DOWNLOAD = "modelSpecificModelDownload";
    static final long DOWNLOAD_TIMEOUT_MILLIS = 60_000;
    static final long GRACE_MILLIS = 500;

    private final ConformanceRun run;
    private final SpecCatalog catalog = SpecCatalog.of(Api.PIECES);

    DownloadProgressFlow(ConformanceRun run) {
        this.run = run;
    }

    CellVerdicts run() {
        CellVerdicts v = new CellVerdicts(run.curl());
        if (run.config().readOnly()) {
            v.skipRest("read-only mode: following a download means starting one", PROGRESS, CANCEL);
            return v;
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
        return v;
    }

    private void followDownload(Findings f, String id) {
        ProgressSocket opened = open(id, f);
        if (opened == null) {
            return;
        }
        try (ProgressSocket socket = opened) {
            socket.drain(200);
            Exchange started = call(DOWNLOAD, id, "download followed on the WebSocket");
            if (started.status() / 100 != 2) {
                throw new TestAbortedException("the download could not be started: " + started.responseSummary());
            }
            ProgressSequence sequence = new ProgressSequence();
            if (!collect(socket, sequence, f, DOWNLOAD_TIMEOUT_MILLIS)) {
                return;
            }
            for (ProgressSocket.Event e : socket.drain(GRACE_MILLIS)) {
                if (e.isFrame()) {
                    sequence.accept(e.text(), f);
                }
            }
            if ("COMPLETED".equals(sequence.terminal())) {
                JsonNode model = run.fixtures().awaitPiecesModel(id, m -> m.path("downloaded").asBoolean(false), 5_000);
                if (model == null) {
                    f.add("COMPLETED was sent but GET /model/{id} does not show downloaded: true",
                            "downloaded: true after COMPLETED", "downloaded: false");
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
            if (!collect(socket, sequence, f, 10_000)) {
                return;
            }
            if ("COMPLETED".equals(sequence.terminal())) {
                v.skip(CANCEL, "the download completed before the cancel took effect");
            } else if (!"CANCELED".equals(sequence.terminal())) {
                f.add("a canceled download must end with CANCELED", "status CANCELED", "status " + sequence.terminal());
            }
        }
    }

    /** Reads frames until a terminal status; false (with a finding) when none came in time. */
    private boolean collect(ProgressSocket socket, ProgressSequence sequence, Findings f, long timeoutMillis) {
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
