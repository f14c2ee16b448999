package dev.modelapi.conformance.checks;

import dev.modelapi.conformance.flows.FlowCells;
import dev.modelapi.conformance.run.ConformanceRun;
import dev.modelapi.conformance.spec.ApiOperation;

/**
 * {@code ws-progress}: the Pieces download-progress WebSocket. Every frame matches {@code ModelDownloadProgress};
 * {@code INITIALIZED} → non-decreasing {@code IN-PROGRESS} → exactly one terminal status, nothing after it; a
 * completed download shows {@code downloaded: true}; cancel during a download ends it with {@code CANCELED}.
 */
public final class WsProgressCheck implements Check {

    @Override
    public CheckId id() {
        return CheckId.WS_PROGRESS;
    }

    @Override
    public boolean appliesTo(ApiOperation operation) {
        return FlowCells.progress(operation);
    }

    @Override
    public void run(ApiOperation op, ConformanceRun run) {
        run.flows().downloadProgress().conclude(op.id());
    }
}
